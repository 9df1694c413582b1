use super::*;

fn tar_gz(path: &Path, members: &[(&str, tar::EntryType, &str)]) {
    let f = fs::File::create(path).unwrap();
    let gz = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
    let mut b = tar::Builder::new(gz);
    for (name, ty, data) in members {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(*ty);
        h.set_mode(0o644);
        if ty.is_symlink() || ty.is_hard_link() {
            h.set_size(0);
            // Names are written raw so that bad ones reach the reader.
            h.as_gnu_mut().unwrap().name[..name.len()].copy_from_slice(name.as_bytes());
            h.set_link_name(data).unwrap();
            h.set_cksum();
            b.append(&h, std::io::empty()).unwrap();
        } else {
            h.set_size(data.len() as u64);
            h.as_gnu_mut().unwrap().name[..name.len()].copy_from_slice(name.as_bytes());
            h.set_cksum();
            b.append(&h, data.as_bytes()).unwrap();
        }
    }
    b.into_inner().unwrap().finish().unwrap();
}

#[test]
fn unpacks_and_strips_the_leading_folder() {
    let t = tempfile::tempdir().unwrap();
    let a = t.path().join("demo-1.0.tar.gz");
    tar_gz(&a, &[("demo-1.0/setup.py", tar::EntryType::Regular, "x"), ("demo-1.0/pkg/__init__.py", tar::EntryType::Regular, "y"), ("demo-1.0/link", tar::EntryType::Symlink, "pkg/__init__.py")]);
    let d = t.path().join("out");
    unpack_archive(&a, &d).unwrap();
    assert_eq!(fs::read_to_string(d.join("setup.py")).unwrap(), "x");
    assert_eq!(fs::read_to_string(d.join("link")).unwrap(), "y");
}

#[test]
fn refuses_members_outside_the_destination() {
    let t = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<(&str, tar::EntryType, &str)>)> = vec![
        ("dotdot", vec![("demo-1.0/setup.py", tar::EntryType::Regular, "x"), ("demo-1.0/../../evil", tar::EntryType::Regular, "x")]),
        ("absolute", vec![("/tmp/evil-krait", tar::EntryType::Regular, "x")]),
        ("symlink", vec![("demo-1.0/setup.py", tar::EntryType::Regular, "x"), ("demo-1.0/out", tar::EntryType::Symlink, "../../etc")]),
        ("abs-symlink", vec![("demo-1.0/out", tar::EntryType::Symlink, "/etc/passwd")]),
        ("hardlink", vec![("demo-1.0/h", tar::EntryType::Link, "../etc/passwd")]),
    ];
    for (what, members) in cases {
        let a = t.path().join(format!("{what}.tar.gz"));
        tar_gz(&a, &members);
        let d = t.path().join(format!("out-{what}"));
        let e = unpack_archive(&a, &d).unwrap_err();
        assert!(e.contains("trying to install outside target directory"), "{what}: {e}");
        assert!(!d.exists(), "{what}: nothing is written");
    }
    // A zip with a climbing name.
    let a = t.path().join("bad.zip");
    let mut z = zip::ZipWriter::new(fs::File::create(&a).unwrap());
    z.start_file("demo/../../evil.py", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(b"x").unwrap();
    z.finish().unwrap();
    let e = unpack_archive(&a, &t.path().join("z")).unwrap_err();
    assert!(e.starts_with("The zip file"), "{e}");
}

#[test]
fn build_system_defaults_as_pip() {
    let t = tempfile::tempdir().unwrap();
    assert!(read_build_system(t.path()).unwrap_err().0.contains("neither 'setup.py' nor 'pyproject.toml' found"));
    fs::write(t.path().join("setup.py"), "").unwrap();
    let legacy = read_build_system(t.path()).unwrap();
    assert_eq!((legacy.requires, legacy.backend.as_str()), (vec!["setuptools>=40.8.0".to_string()], "setuptools.build_meta:__legacy__"));
    fs::write(t.path().join("pyproject.toml"), "[project]\nname='x'\n").unwrap();
    assert_eq!(read_build_system(t.path()).unwrap().backend, DEFAULT_BACKEND);
    fs::write(t.path().join("pyproject.toml"), "[build-system]\nbuild-backend='flit_core.buildapi'\n").unwrap();
    assert!(read_build_system(t.path()).unwrap_err().0.contains("missing the mandatory `requires` key"));
    fs::write(t.path().join("pyproject.toml"), "[build-system]\nrequires=['flit_core>=3']\nbuild-backend='flit_core.buildapi'\nbackend-path=['.']\n").unwrap();
    let bs = read_build_system(t.path()).unwrap();
    assert_eq!((bs.requires, bs.backend.as_str(), bs.backend_path), (vec!["flit_core>=3".to_string()], "flit_core.buildapi", vec![".".to_string()]));
}
