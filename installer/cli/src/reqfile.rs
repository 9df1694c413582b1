//! Requirements and constraints files, read the way pip reads them: lines
//! joined at a trailing backslash, `#` comments dropped, `${VAR}` expanded,
//! nested `-r`/`-c` files, options that apply to the whole run (`-i`,
//! `--extra-index-url`, `--no-index`, `-f`, `--pre`, `--require-hashes`,
//! `--only-binary`, `--no-binary`, `--trusted-host`) and per-requirement
//! options (`--hash`).

use std::path::Path;

/// One requirement (or constraint) line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReqLine {
    /// The requirement text, options removed.
    pub text: String,
    /// `--hash` values as (algorithm, lowercase hex digest).
    pub hashes: Vec<(String, String)>,
    /// Where it came from, as pip words it: `-r FILE (line N)`.
    pub origin: String,
    pub constraint: bool,
    /// From `-e`/`--editable`: a source tree installed in editable mode.
    pub editable: bool,
}

/// Options that requirements files set for the whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileOptions {
    pub index_url: Option<String>,
    pub extra_index_urls: Vec<String>,
    pub find_links: Vec<String>,
    pub no_index: bool,
    pub pre: bool,
    pub require_hashes: bool,
    pub prefer_binary: bool,
    pub only_binary: Vec<String>,
    pub no_binary: Vec<String>,
    pub trusted_hosts: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Parsed {
    pub lines: Vec<ReqLine>,
    pub options: FileOptions,
}

pub const HASH_ALGORITHMS: [&str; 3] = ["sha256", "sha384", "sha512"];

/// Checks one `--hash` value (`algo:hex`).
pub fn parse_hash(v: &str) -> Result<(String, String), String> {
    let Some((algo, digest)) = v.split_once(':') else {
        return Err("Arguments to --hash must be a hash name followed by a value, like --hash=sha256:abcde...".into());
    };
    let algo = algo.to_ascii_lowercase();
    if !HASH_ALGORITHMS.contains(&algo.as_str()) {
        return Err(format!("Allowed hash algorithms for --hash are {}.", HASH_ALGORITHMS.join(", ")));
    }
    Ok((algo, digest.to_ascii_lowercase()))
}

/// `${NAME}` replaced by the environment variable NAME when NAME is made of
/// upper-case letters, digits and underscores and the variable is set; other
/// text is left alone (pip's rule).
pub fn expand_env(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        match rest[i + 2..].find('}') {
            Some(j) => {
                let name = &rest[i + 2..i + 2 + j];
                let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                match std::env::var(name) {
                    Ok(v) if valid => out.push_str(&v),
                    _ => out.push_str(&rest[i..i + 3 + j]),
                }
                rest = &rest[i + 3 + j..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits text into shell-like words (quotes and backslashes as a POSIX shell).
fn shell_words(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(x) => cur.push(x),
                        None => return Err(format!("No closing quotation in: {s}")),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(x @ ('"' | '\\' | '$' | '`')) => cur.push(x),
                            Some(x) => {
                                cur.push('\\');
                                cur.push(x);
                            }
                            None => return Err(format!("No closing quotation in: {s}")),
                        },
                        Some(x) => cur.push(x),
                        None => return Err(format!("No closing quotation in: {s}")),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(x) = chars.next() {
                    cur.push(x);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

/// The logical lines of a file: (first physical line number, text), with
/// continuations joined, comments removed and variables expanded.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let is_comment = raw.trim_start().starts_with('#');
        if is_comment {
            // A comment ends a continued line (pip drops the comment itself).
            if let Some(p) = pending.take() {
                out.push(p);
            }
            continue;
        }
        let (body, continued) = match raw.strip_suffix('\\') {
            Some(b) => (b, true),
            None => (raw, false),
        };
        let entry = pending.get_or_insert_with(|| (n, String::new()));
        entry.1.push_str(body);
        if !continued {
            out.push(pending.take().unwrap());
        }
    }
    if let Some(p) = pending {
        out.push(p);
    }
    out.into_iter()
        .map(|(n, l)| (n, strip_comment(&l)))
        .map(|(n, l)| (n, expand_env(l.trim())))
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// Drops a `#` comment that starts the line or follows whitespace.
fn strip_comment(l: &str) -> String {
    let b = l.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'#' && (i == 0 || b[i - 1].is_ascii_whitespace()) {
            return l[..i].to_string();
        }
    }
    l.to_string()
}

/// Options that take a value, by every spelling, and their canonical name.
const VALUE_OPTIONS: &[(&str, &str)] = &[
    ("-r", "requirement"),
    ("--requirement", "requirement"),
    ("-c", "constraint"),
    ("--constraint", "constraint"),
    ("-i", "index-url"),
    ("--index-url", "index-url"),
    ("--extra-index-url", "extra-index-url"),
    ("-f", "find-links"),
    ("--find-links", "find-links"),
    ("--only-binary", "only-binary"),
    ("--no-binary", "no-binary"),
    ("--trusted-host", "trusted-host"),
    ("--use-feature", "use-feature"),
    ("-e", "editable"),
    ("--editable", "editable"),
    ("--hash", "hash"),
    ("--global-option", "global-option"),
    ("--config-settings", "config-settings"),
];
const FLAG_OPTIONS: &[(&str, &str)] =
    &[("--no-index", "no-index"), ("--pre", "pre"), ("--require-hashes", "require-hashes"), ("--prefer-binary", "prefer-binary")];

/// Splits option words into (canonical name, value) pairs.
fn options(words: &[String], origin: &str) -> Result<Vec<(&'static str, String)>, String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        i += 1;
        if let Some((_, canon)) = FLAG_OPTIONS.iter().find(|(s, _)| s == w) {
            out.push((*canon, String::new()));
            continue;
        }
        let mut found = None;
        for (spelling, canon) in VALUE_OPTIONS {
            if w == spelling {
                let v = words.get(i).ok_or_else(|| format!("{origin}: {w} option requires 1 argument"))?;
                i += 1;
                found = Some((*canon, v.clone()));
            } else if let Some(v) = w.strip_prefix(spelling) {
                if spelling.starts_with("--") {
                    if let Some(v) = v.strip_prefix('=') {
                        found = Some((*canon, v.to_string()));
                    }
                } else if !v.is_empty() {
                    // -rfile, -r=file is not a thing for short options but -rfile is.
                    found = Some((*canon, v.to_string()));
                }
            }
            if found.is_some() {
                break;
            }
        }
        match found {
            Some(f) => out.push(f),
            None => return Err(format!("Invalid requirement: {origin}: no such option: {w}")),
        }
    }
    Ok(out)
}

fn is_url(s: &str) -> bool {
    ["http://", "https://", "file://"].iter().any(|p| s.starts_with(p))
}

/// Reads a local requirements file (`constraint` false) or constraints file.
#[cfg(test)]
pub fn parse_file(path: &Path, constraint: bool, out: &mut Parsed) -> Result<(), String> {
    parse_location(&path.to_string_lossy(), constraint, out, &|u: &str| Err(format!("Could not open requirements file: {u} (no HTTP here)")))
}

/// Reads a requirements file (`constraint` false) or a constraints file at a
/// path or URL; `http(s)://` locations are read with `fetch`.
pub fn parse_location(location: &str, constraint: bool, out: &mut Parsed, fetch: &dyn Fn(&str) -> Result<String, String>) -> Result<(), String> {
    parse_inner(location, constraint, out, 0, fetch)
}

fn is_remote(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

fn parse_inner(location: &str, constraint: bool, out: &mut Parsed, depth: usize, fetch: &dyn Fn(&str) -> Result<String, String>) -> Result<(), String> {
    if depth > 32 {
        return Err(format!("requirements files nest too deeply at {location}"));
    }
    let local = location.strip_prefix("file://").unwrap_or(location);
    let text = if is_remote(location) {
        fetch(location)?
    } else {
        std::fs::read_to_string(local).map_err(|e| {
            let why = if e.kind() == std::io::ErrorKind::NotFound { "No such file or directory".to_string() } else { e.to_string() };
            format!("Could not open requirements file: [Errno 2] {why}: '{local}'")
        })?
    };
    let path = Path::new(local);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let shown = location.to_string();
    let nested = |v: &str| -> String {
        if is_url(v) || Path::new(v).is_absolute() {
            v.to_string()
        } else if is_remote(location) {
            krait_index::join_url(location, v)
        } else {
            dir.join(v).to_string_lossy().to_string()
        }
    };
    for (n, line) in logical_lines(&text) {
        let origin = format!("{} {shown} (line {n})", if constraint { "-c" } else { "-r" });
        // The requirement is everything before the first word starting with '-'.
        let (req, opts_text) = if line.starts_with('-') {
            ("", line.as_str())
        } else {
            let mut cut = line.len();
            let mut prev_space = false;
            for (i, c) in line.char_indices() {
                if c == '-' && prev_space {
                    cut = i;
                    break;
                }
                prev_space = c == ' ' || c == '\t';
            }
            (line[..cut].trim(), &line[cut..])
        };
        let words = shell_words(opts_text)?;
        let opts = options(&words, &origin)?;
        if !req.is_empty() {
            let mut hashes = Vec::new();
            for (k, v) in opts {
                match k {
                    "hash" => hashes.push(parse_hash(&v)?),
                    "global-option" | "config-settings" => {}
                    other => return Err(format!("Invalid requirement: '{line}' ({origin}): --{other} cannot follow a requirement")),
                }
            }
            out.lines.push(ReqLine { text: req.to_string(), hashes, origin, constraint, editable: false });
            continue;
        }
        for (k, v) in opts {
            match k {
                "requirement" => parse_inner(&nested(&v), constraint, out, depth + 1, fetch)?,
                "constraint" => parse_inner(&nested(&v), true, out, depth + 1, fetch)?,
                "index-url" => out.options.index_url = Some(v),
                "extra-index-url" => out.options.extra_index_urls.push(v),
                "no-index" => out.options.no_index = true,
                "find-links" => {
                    let rel = dir.join(&v);
                    out.options.find_links.push(if !is_url(&v) && rel.exists() { rel.to_string_lossy().to_string() } else { v });
                }
                "pre" => out.options.pre = true,
                "require-hashes" => out.options.require_hashes = true,
                "prefer-binary" => out.options.prefer_binary = true,
                "only-binary" => out.options.only_binary.push(v),
                "no-binary" => out.options.no_binary.push(v),
                "trusted-host" => out.options.trusted_hosts.push(v),
                "use-feature" => {}
                "editable" => out.lines.push(ReqLine { text: v, hashes: Vec::new(), origin: origin.clone(), constraint, editable: true }),
                "hash" => return Err(format!("{origin}: --hash must follow a requirement on the same line")),
                _ => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_comments() {
        assert_eq!(shell_words(r#"--hash 'a b' "c\"d" e\ f"#).unwrap(), vec!["--hash", "a b", "c\"d", "e f"]);
        assert_eq!(strip_comment("foo==1 # note"), "foo==1 ");
        assert_eq!(strip_comment("http://x/#egg=foo"), "http://x/#egg=foo");
        let l = logical_lines("a \\\n  >=1\n# c \\\nb\n\n  # only comment\nc; python_version > '3' # why\n");
        assert_eq!(l, vec![(1, "a   >=1".to_string()), (4, "b".to_string()), (7, "c; python_version > '3'".to_string())]);
    }

    #[test]
    fn files_nest_and_carry_options() {
        let tmp = std::env::temp_dir().join(format!("krait-reqfile-{}", std::process::id()));
        std::fs::create_dir_all(tmp.join("sub/wheels")).unwrap();
        std::env::set_var("KRAIT_REQ_TEST_VER", "2.0");
        std::fs::write(
            tmp.join("r.txt"),
            "-i http://idx/simple\n--extra-index-url=http://extra/simple\n--pre\n-r sub/more.txt\n-c sub/pins.txt\n\
             lib==${KRAIT_REQ_TEST_VER} \\\n    --hash=sha256:AB --hash sha256:cd\nother>=1 # comment\n",
        )
        .unwrap();
        std::fs::write(tmp.join("sub/more.txt"), "-f wheels\n--require-hashes\n--only-binary :all:\nthird\n").unwrap();
        std::fs::write(tmp.join("sub/pins.txt"), "-r pins2.txt\nother<3\n").unwrap();
        std::fs::write(tmp.join("sub/pins2.txt"), "third==1.0\n").unwrap();
        let mut p = Parsed::default();
        parse_file(&tmp.join("r.txt"), false, &mut p).unwrap();
        let o = &p.options;
        assert_eq!(o.index_url.as_deref(), Some("http://idx/simple"));
        assert_eq!(o.extra_index_urls, vec!["http://extra/simple"]);
        assert!(o.pre && o.require_hashes && !o.no_index);
        assert_eq!(o.find_links, vec![tmp.join("sub/wheels").to_string_lossy().to_string()]);
        assert_eq!(o.only_binary, vec![":all:"]);
        let got: Vec<(&str, bool)> = p.lines.iter().map(|l| (l.text.as_str(), l.constraint)).collect();
        assert_eq!(got, vec![("third", false), ("third==1.0", true), ("other<3", true), ("lib==2.0", false), ("other>=1", false)]);
        assert_eq!(p.lines[3].hashes, vec![("sha256".to_string(), "ab".to_string()), ("sha256".to_string(), "cd".to_string())]);
        assert_eq!(p.lines[3].origin, format!("-r {} (line 6)", tmp.join("r.txt").display()));
        assert!(p.lines[1].origin.starts_with("-c "));

        std::fs::write(tmp.join("bad.txt"), "lib --hash=md5:00\n").unwrap();
        let e = parse_file(&tmp.join("bad.txt"), false, &mut Parsed::default()).unwrap_err();
        assert!(e.contains("Allowed hash algorithms for --hash are sha256, sha384, sha512."), "{e}");
        std::fs::write(tmp.join("bad.txt"), "--frobnicate\n").unwrap();
        assert!(parse_file(&tmp.join("bad.txt"), false, &mut Parsed::default()).unwrap_err().contains("no such option: --frobnicate"));
        let e = parse_file(&tmp.join("missing.txt"), false, &mut Parsed::default()).unwrap_err();
        assert!(e.starts_with("Could not open requirements file: [Errno 2] No such file or directory"), "{e}");
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
