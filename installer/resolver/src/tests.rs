use super::*;

#[derive(Default)]
struct Mem(BTreeMap<String, Vec<(&'static str, Vec<&'static str>)>>);

impl Mem {
    fn add(mut self, name: &str, version: &'static str, deps: &[&'static str]) -> Self {
        self.0.entry(name.to_string()).or_default().push((version, deps.to_vec()));
        self
    }
}

impl Source for Mem {
    fn versions(&self, name: &str) -> Result<Vec<Version>, String> {
        Ok(self.0.get(name).map(|v| v.iter().map(|(x, _)| x.parse().unwrap()).collect()).unwrap_or_default())
    }
    fn requires(&self, name: &str, version: &Version) -> Result<Vec<Requirement>, String> {
        let (_, deps) = self.0[name].iter().find(|(v, _)| v.parse::<Version>().unwrap() == *version).unwrap();
        Ok(deps.iter().map(|d| d.parse().unwrap()).collect())
    }
}

fn env() -> MarkerEnvironment {
    let mut e = MarkerEnvironment::default();
    e.0.insert("python_version".into(), "3.11".into());
    e.0.insert("sys_platform".into(), "linux".into());
    e
}

fn run(src: &Mem, roots: &[&str], opts: Options) -> Result<Vec<String>, ResolveError> {
    let roots: Vec<Requirement> = roots.iter().map(|r| r.parse().unwrap()).collect();
    resolve(src, &env(), &roots, &opts).map(|m| m.into_iter().map(|(k, v)| format!("{k}=={v}")).collect())
}

#[test]
fn newest_compatible_with_backtracking() {
    let src = Mem::default()
        .add("app", "1.0", &["lib>=1.0"])
        .add("app", "2.0", &["lib>=2.0", "other<1"])
        .add("lib", "1.0", &[])
        .add("lib", "2.0", &[])
        .add("other", "1.0", &[]);
    // app 2.0 needs other<1, which does not exist: the resolver falls back to app 1.0.
    assert_eq!(run(&src, &["app"], Options::default()).unwrap(), vec!["app==1.0", "lib==2.0"]);
}

#[test]
fn specifiers_markers_and_extras() {
    let src = Mem::default()
        .add("web", "1.4.2", &["tool~=2.1", "winonly; sys_platform == 'win32'", "fast; extra == 'speed'"])
        .add("web", "1.5.0", &[])
        .add("tool", "2.0", &[])
        .add("tool", "2.1.5", &[])
        .add("tool", "2.9", &[])
        .add("tool", "3.0", &[])
        .add("fast", "0.1", &[]);
    assert_eq!(run(&src, &["web[speed]==1.4.*"], Options::default()).unwrap(), vec!["fast==0.1", "tool==2.9", "web==1.4.2"]);
    assert_eq!(run(&src, &["web<1.5"], Options::default()).unwrap(), vec!["tool==2.9", "web==1.4.2"]);
}

#[test]
fn prereleases_only_when_asked_or_needed() {
    let src = Mem::default().add("p", "1.0", &[]).add("p", "2.0b1", &[]).add("q", "3.0rc1", &[]);
    assert_eq!(run(&src, &["p"], Options::default()).unwrap(), vec!["p==1.0"]);
    assert_eq!(run(&src, &["p"], Options { pre: true, ..Default::default() }).unwrap(), vec!["p==2.0b1"]);
    assert_eq!(run(&src, &["p>=2.0b1"], Options::default()).unwrap(), vec!["p==2.0b1"]);
    assert_eq!(run(&src, &["q"], Options::default()).unwrap(), vec!["q==3.0rc1"]);
}

#[test]
fn keeps_preferred_versions() {
    let src = Mem::default().add("p", "1.0", &[]).add("p", "2.0", &[]);
    let mut prefer = BTreeMap::new();
    prefer.insert("p".to_string(), "1.0".parse().unwrap());
    assert_eq!(run(&src, &["p"], Options { prefer, ..Default::default() }).unwrap(), vec!["p==1.0"]);
}

#[test]
fn conflicts_are_explained() {
    let src = Mem::default().add("a", "1.0", &["c>=2"]).add("b", "1.0", &["c<2"]).add("c", "1.0", &[]).add("c", "2.0", &[]);
    let e = run(&src, &["a", "b"], Options::default()).unwrap_err().to_string();
    assert!(e.contains("ResolutionImpossible"), "{e}");
    assert!(e.contains("a") && e.contains("b") && e.contains("c"), "{e}");
}

#[test]
fn constraints_narrow_but_install_nothing() {
    let src = Mem::default()
        .add("app", "1.0", &["lib>=1.0"])
        .add("app", "2.0", &["lib>=2.0"])
        .add("lib", "1.0", &[])
        .add("lib", "2.0", &[])
        .add("lib", "3.0b1", &[])
        .add("unused", "1.0", &[]);
    let c = |v: &[&str]| Options { constraints: v.iter().map(|r| r.parse().unwrap()).collect(), ..Options::default() };
    // A constraint on a dependency steers the choice of its dependent.
    assert_eq!(run(&src, &["app"], c(&["lib<2", "unused==1.0"])).unwrap(), vec!["app==1.0", "lib==1.0"]);
    // Markers that do not match drop the constraint.
    assert_eq!(run(&src, &["app"], c(&["lib<2; sys_platform == 'win32'"])).unwrap(), vec!["app==2.0", "lib==2.0"]);
    // A constraint naming a pre-release allows it.
    assert_eq!(run(&src, &["lib"], c(&["lib==3.0b1"])).unwrap(), vec!["lib==3.0b1"]);
    // Constraints that conflict with the requirements make resolution impossible.
    assert!(run(&src, &["app==2.0"], c(&["lib<2"])).is_err());
}
