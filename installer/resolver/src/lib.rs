//! Resolution with PubGrub. Packages are normalised names, or `name[extra]`
//! for an extra (a virtual package pinned to its base's version that adds the
//! extra's requirements). Specifiers become version ranges; pre-releases are
//! chosen only when asked for, named by a specifier, or nothing else fits.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

use krait_pep440::{Operator, Version, VersionSpecifier, VersionSpecifiers};
use krait_pep508::{normalize_name, MarkerEnvironment, Requirement, VersionOrUrl};
use pubgrub::{DefaultStringReporter, Dependencies, DependencyProvider, PackageResolutionStatistics, PubGrubError, Ranges, Reporter};

/// Where versions and their requirements come from.
pub trait Source {
    /// Every version available for a (normalised) name, any order.
    fn versions(&self, name: &str) -> Result<Vec<Version>, String>;
    /// The Requires-Dist of one version.
    fn requires(&self, name: &str, version: &Version) -> Result<Vec<Requirement>, String>;
}

#[derive(Debug)]
pub struct ResolveError(pub String);
impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ResolveError {}

/// The ranges a specifier set allows.
pub fn ranges(spec: &VersionSpecifiers) -> Ranges<Version> {
    spec.0.iter().fold(Ranges::full(), |acc, s| acc.intersection(&clause(s)))
}

fn prefix_range(prefix: &Version) -> Ranges<Version> {
    let mut low = prefix.base();
    low.dev = Some(0);
    let mut high = prefix.base();
    if let Some(last) = high.release.last_mut() {
        *last += 1;
    }
    high.dev = Some(0);
    Ranges::between(low, high)
}

fn clause(s: &VersionSpecifier) -> Ranges<Version> {
    let v = s.version.clone();
    match s.operator {
        Operator::GreaterEqual => Ranges::higher_than(v),
        Operator::Greater => Ranges::strictly_higher_than(v),
        Operator::LessEqual => Ranges::lower_than(v),
        Operator::Less => Ranges::strictly_lower_than(v),
        Operator::Equal | Operator::Arbitrary => Ranges::singleton(v),
        Operator::NotEqual => Ranges::singleton(v).complement(),
        Operator::EqualStar => prefix_range(&v),
        Operator::NotEqualStar => prefix_range(&v).complement(),
        Operator::Compatible => {
            let mut prefix = v.base();
            prefix.release.pop();
            Ranges::higher_than(v).intersection(&prefix_range(&prefix))
        }
    }
}

const ROOT: &str = "<root>";

struct Provider<'a, S: Source> {
    source: &'a S,
    env: &'a MarkerEnvironment,
    pre: bool,
    no_deps: bool,
    roots: Vec<Requirement>,
    /// Preferred versions (already installed), kept when they fit.
    prefer: BTreeMap<String, Version>,
    /// Constraints (`-c`): ranges that narrow a package wherever it is required.
    constrain: BTreeMap<String, Ranges<Version>>,
    cache: RefCell<BTreeMap<String, Vec<Version>>>,
    wants_pre: RefCell<BTreeMap<String, bool>>,
}

fn split(p: &str) -> (&str, Option<&str>) {
    match p.split_once('[') {
        Some((n, e)) => (n, Some(e.trim_end_matches(']'))),
        None => (p, None),
    }
}

impl<S: Source> Provider<'_, S> {
    fn versions(&self, name: &str) -> Result<Vec<Version>, ResolveError> {
        if let Some(v) = self.cache.borrow().get(name) {
            return Ok(v.clone());
        }
        let mut v = self.source.versions(name).map_err(ResolveError)?;
        v.sort();
        v.dedup();
        self.cache.borrow_mut().insert(name.to_string(), v.clone());
        Ok(v)
    }

    fn constraints(&self, reqs: &[Requirement], extra: Option<&str>) -> Vec<(String, Ranges<Version>)> {
        let mut out = Vec::new();
        for r in reqs {
            let applies = match &r.marker {
                None => true,
                Some(m) => m.evaluate(self.env, extra.unwrap_or("")),
            };
            if !applies {
                continue;
            }
            let name = r.normalized_name();
            let range = match &r.version_or_url {
                VersionOrUrl::Specifiers(s) => {
                    if s.wants_prereleases() {
                        self.wants_pre.borrow_mut().insert(name.clone(), true);
                    }
                    ranges(s)
                }
                VersionOrUrl::Url(_) => Ranges::full(),
            };
            let range = match self.constrain.get(&name) {
                Some(c) => range.intersection(c),
                None => range,
            };
            out.push((name.clone(), range.clone()));
            for e in &r.extras {
                out.push((format!("{name}[{}]", normalize_name(e)), range.clone()));
            }
        }
        out
    }
}

impl<S: Source> DependencyProvider for Provider<'_, S> {
    type P = String;
    type V = Version;
    type VS = Ranges<Version>;
    type Priority = (u32, std::cmp::Reverse<usize>);
    type M = String;
    type Err = ResolveError;

    fn prioritize(&self, package: &String, range: &Ranges<Version>, stats: &PackageResolutionStatistics) -> Self::Priority {
        // Pinned first, then those in conflict most, then fewest candidates.
        let (name, _) = split(package);
        let count = self.cache.borrow().get(name).map(|v| v.iter().filter(|x| range.contains(x)).count()).unwrap_or(usize::MAX);
        (stats.conflict_count(), std::cmp::Reverse(count))
    }

    fn choose_version(&self, package: &String, range: &Ranges<Version>) -> Result<Option<Version>, ResolveError> {
        if package == ROOT {
            return Ok(Some(Version::new([0])));
        }
        let (name, _) = split(package);
        let versions = self.versions(name)?;
        if let Some(p) = self.prefer.get(name) {
            if range.contains(p) && versions.contains(p) {
                return Ok(Some(p.clone()));
            }
        }
        let fits: Vec<&Version> = versions.iter().filter(|v| range.contains(v)).collect();
        let allow_pre = self.pre || self.wants_pre.borrow().get(name).copied().unwrap_or(false);
        let best = fits.iter().rev().find(|v| allow_pre || !v.is_prerelease()).or_else(|| fits.last());
        Ok(best.map(|v| (*v).clone()))
    }

    fn get_dependencies(&self, package: &String, version: &Version) -> Result<Dependencies<String, Ranges<Version>, String>, ResolveError> {
        if package == ROOT {
            let c = self.constraints(&self.roots, None);
            return Ok(Dependencies::Available(merge(c)));
        }
        if self.no_deps {
            return Ok(Dependencies::Available(Default::default()));
        }
        let (name, extra) = split(package);
        let reqs = match self.source.requires(name, version) {
            Ok(r) => r,
            Err(e) => return Ok(Dependencies::Unavailable(e)),
        };
        let mut c = match extra {
            None => self.constraints(&reqs, None),
            Some(e) => {
                // Only what the extra adds, plus the base at the same version.
                let with: Vec<Requirement> = reqs.iter().filter(|r| r.marker.as_ref().is_some_and(|m| m.evaluate(self.env, e))).cloned().collect();
                self.constraints(&with, Some(e))
            }
        };
        if extra.is_some() {
            c.push((name.to_string(), Ranges::singleton(version.clone())));
        }
        Ok(Dependencies::Available(merge(c)))
    }
}

fn merge(c: Vec<(String, Ranges<Version>)>) -> pubgrub::DependencyConstraints<String, Ranges<Version>> {
    let mut out: BTreeMap<String, Ranges<Version>> = BTreeMap::new();
    for (k, r) in c {
        let merged = match out.get(&k) {
            Some(old) => old.intersection(&r),
            None => r,
        };
        out.insert(k, merged);
    }
    out.into_iter().collect()
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub pre: bool,
    pub no_deps: bool,
    /// Versions to keep when they satisfy the requirements (installed ones).
    pub prefer: BTreeMap<String, Version>,
    /// Constraints files' requirements: they narrow the versions of a
    /// package when something requires it, and install nothing by themselves.
    /// Markers are evaluated; extras and URLs are ignored.
    pub constraints: Vec<Requirement>,
}

fn constraint_ranges(reqs: &[Requirement], env: &MarkerEnvironment) -> BTreeMap<String, Ranges<Version>> {
    let mut out: BTreeMap<String, Ranges<Version>> = BTreeMap::new();
    for r in reqs {
        if r.marker.as_ref().is_some_and(|m| !m.evaluate(env, "")) {
            continue;
        }
        if let VersionOrUrl::Specifiers(s) = &r.version_or_url {
            let range = ranges(s);
            let name = r.normalized_name();
            let merged = match out.get(&name) {
                Some(old) => old.intersection(&range),
                None => range,
            };
            out.insert(name, merged);
        }
    }
    out
}

/// Resolves `roots` to one version per (normalised) name.
pub fn resolve<S: Source>(source: &S, env: &MarkerEnvironment, roots: &[Requirement], opts: &Options) -> Result<BTreeMap<String, Version>, ResolveError> {
    let provider = Provider {
        source,
        env,
        pre: opts.pre,
        no_deps: opts.no_deps,
        roots: roots.to_vec(),
        prefer: opts.prefer.clone(),
        constrain: constraint_ranges(&opts.constraints, env),
        cache: RefCell::new(BTreeMap::new()),
        wants_pre: RefCell::new(
            opts.constraints
                .iter()
                .filter(|r| matches!(&r.version_or_url, VersionOrUrl::Specifiers(s) if s.wants_prereleases()))
                .map(|r| (r.normalized_name(), true))
                .collect(),
        ),
    };
    match pubgrub::resolve(&provider, ROOT.to_string(), Version::new([0])) {
        Ok(sol) => Ok(sol.into_iter().filter(|(p, _)| p != ROOT && !p.contains('[')).collect()),
        Err(PubGrubError::NoSolution(mut tree)) => {
            tree.collapse_no_versions();
            let text = DefaultStringReporter::report(&tree)
                .replace(&format!("{ROOT} 0 is forbidden"), "the requested packages cannot be installed together")
                .replace(ROOT, "the requested packages")
                .replace(" 0 depends", " depend");
            Err(ResolveError(format!("ResolutionImpossible: the requirements conflict:\n{text}")))
        }
        Err(PubGrubError::ErrorChoosingVersion { source, .. }) => Err(source),
        Err(PubGrubError::ErrorRetrievingDependencies { source, .. }) => Err(source),
        Err(e) => Err(ResolveError(e.to_string())),
    }
}

#[cfg(test)]
mod tests;
