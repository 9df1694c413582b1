//! PEP 440 versions and specifiers, with the comparison rules of pip's
//! `packaging` library (normalisation, ordering of dev/pre/post/local
//! releases, `~=`, `==X.*`, `===`, and the pre-release exclusion rules).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

mod specifier;
pub use specifier::{Operator, VersionSpecifier, VersionSpecifiers};

/// A pre-release kind, ordered as PEP 440 (a < b < rc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PreKind {
    Alpha,
    Beta,
    Rc,
}

impl PreKind {
    fn as_str(self) -> &'static str {
        match self {
            PreKind::Alpha => "a",
            PreKind::Beta => "b",
            PreKind::Rc => "rc",
        }
    }
}

/// One segment of a local version label: numbers sort after strings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LocalSegment {
    Str(String),
    Num(u64),
}

impl Ord for LocalSegment {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (LocalSegment::Num(a), LocalSegment::Num(b)) => a.cmp(b),
            (LocalSegment::Str(a), LocalSegment::Str(b)) => a.cmp(b),
            (LocalSegment::Num(_), LocalSegment::Str(_)) => Ordering::Greater,
            (LocalSegment::Str(_), LocalSegment::Num(_)) => Ordering::Less,
        }
    }
}
impl PartialOrd for LocalSegment {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl fmt::Display for LocalSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocalSegment::Str(s) => f.write_str(s),
            LocalSegment::Num(n) => write!(f, "{n}"),
        }
    }
}

/// A parsed, normalised PEP 440 version.
#[derive(Debug, Clone)]
pub struct Version {
    pub epoch: u64,
    pub release: Vec<u64>,
    pub pre: Option<(PreKind, u64)>,
    pub post: Option<u64>,
    pub dev: Option<u64>,
    pub local: Vec<LocalSegment>,
}

/// Error for a string that is not a valid PEP 440 version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionParseError(pub String);

impl fmt::Display for VersionParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Invalid version: '{}'", self.0)
    }
}
impl std::error::Error for VersionParseError {}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn eat_sep(&mut self) -> bool {
        if matches!(self.peek(), Some(b'.' | b'-' | b'_')) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn number(&mut self) -> Option<u64> {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        if start == self.i {
            return None;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok()
    }
    /// Eats one of `words` (already lower-case input), longest first.
    fn word(&mut self, words: &[&str]) -> Option<usize> {
        let rest = &self.s[self.i..];
        let mut best: Option<(usize, usize)> = None;
        for (k, w) in words.iter().enumerate() {
            if rest.starts_with(w.as_bytes()) && best.map_or(true, |(_, l)| w.len() > l) {
                best = Some((k, w.len()));
            }
        }
        let (k, l) = best?;
        self.i += l;
        Some(k)
    }
}

impl Version {
    /// A version from release numbers only (`Version::new([1, 2])` is 1.2).
    pub fn new(release: impl IntoIterator<Item = u64>) -> Version {
        Version { epoch: 0, release: release.into_iter().collect(), pre: None, post: None, dev: None, local: Vec::new() }
    }

    pub fn is_prerelease(&self) -> bool {
        self.pre.is_some() || self.dev.is_some()
    }
    pub fn is_postrelease(&self) -> bool {
        self.post.is_some()
    }
    pub fn is_devrelease(&self) -> bool {
        self.dev.is_some()
    }

    /// The version without its local label.
    pub fn public(&self) -> Version {
        Version { local: Vec::new(), ..self.clone() }
    }

    /// Epoch and release only (`1!2.0rc1.post3` → `1!2.0`).
    pub fn base(&self) -> Version {
        Version { epoch: self.epoch, release: self.release.clone(), pre: None, post: None, dev: None, local: Vec::new() }
    }

    fn release_trimmed(&self) -> &[u64] {
        let mut n = self.release.len();
        while n > 1 && self.release[n - 1] == 0 {
            n -= 1;
        }
        &self.release[..n]
    }

    /// Compares ignoring local labels (how `<=`, `>=` see a candidate).
    pub fn cmp_public(&self, other: &Version) -> Ordering {
        self.key_without_local().cmp(&other.key_without_local())
    }

    fn key_without_local(&self) -> (u64, &[u64], (i8, u64, u64), (i8, u64), (i8, u64)) {
        // pre: a dev release with no pre or post sorts before every pre-release.
        let pre = match (self.pre, self.post, self.dev) {
            (None, None, Some(_)) => (-1, 0, 0),
            (None, _, _) => (3, 0, 0),
            (Some((k, n)), _, _) => (k as i8, 0, n),
        };
        let post = match self.post {
            None => (-1, 0),
            Some(n) => (0, n),
        };
        let dev = match self.dev {
            None => (1, 0),
            Some(n) => (0, n),
        };
        (self.epoch, self.release_trimmed(), pre, post, dev)
    }
}

impl FromStr for Version {
    type Err = VersionParseError;

    fn from_str(input: &str) -> Result<Version, VersionParseError> {
        let err = || VersionParseError(input.to_string());
        let lower = input.trim().to_ascii_lowercase();
        let mut c = Cursor { s: lower.as_bytes(), i: 0 };
        if c.peek() == Some(b'v') {
            c.i += 1;
        }
        let first = c.number().ok_or_else(err)?;
        let (epoch, mut release) = if c.peek() == Some(b'!') {
            c.i += 1;
            (first, vec![c.number().ok_or_else(err)?])
        } else {
            (0, vec![first])
        };
        while c.peek() == Some(b'.') && matches!(c.s.get(c.i + 1), Some(b'0'..=b'9')) {
            c.i += 1;
            release.push(c.number().ok_or_else(err)?);
        }
        let mut v = Version { epoch, release, pre: None, post: None, dev: None, local: Vec::new() };

        // pre-release: [-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?N?
        let save = c.i;
        c.eat_sep();
        const PRE: [&str; 8] = ["a", "b", "c", "rc", "alpha", "beta", "pre", "preview"];
        if let Some(k) = c.word(&PRE) {
            let kind = match PRE[k] {
                "a" | "alpha" => PreKind::Alpha,
                "b" | "beta" => PreKind::Beta,
                _ => PreKind::Rc,
            };
            let s2 = c.i;
            c.eat_sep();
            let n = match c.number() {
                Some(n) => n,
                None => {
                    c.i = s2;
                    0
                }
            };
            v.pre = Some((kind, n));
        } else {
            c.i = save;
        }

        // post-release: -N or [-_.]?(post|rev|r)[-_.]?N?
        let save = c.i;
        if c.peek() == Some(b'-') && matches!(c.s.get(c.i + 1), Some(b'0'..=b'9')) {
            c.i += 1;
            v.post = Some(c.number().ok_or_else(err)?);
        } else {
            c.eat_sep();
            if c.word(&["post", "rev", "r"]).is_some() {
                let s2 = c.i;
                c.eat_sep();
                v.post = Some(match c.number() {
                    Some(n) => n,
                    None => {
                        c.i = s2;
                        0
                    }
                });
            } else {
                c.i = save;
            }
        }

        // dev-release: [-_.]?dev[-_.]?N?
        let save = c.i;
        c.eat_sep();
        if c.word(&["dev"]).is_some() {
            let s2 = c.i;
            c.eat_sep();
            v.dev = Some(match c.number() {
                Some(n) => n,
                None => {
                    c.i = s2;
                    0
                }
            });
        } else {
            c.i = save;
        }

        // local: +[a-z0-9]+([-_.][a-z0-9]+)*
        if c.peek() == Some(b'+') {
            c.i += 1;
            loop {
                let start = c.i;
                while matches!(c.peek(), Some(b'a'..=b'z' | b'0'..=b'9')) {
                    c.i += 1;
                }
                if start == c.i {
                    return Err(err());
                }
                let seg = &lower[start..c.i];
                v.local.push(match seg.bytes().all(|b| b.is_ascii_digit()) {
                    true => LocalSegment::Num(seg.parse().map_err(|_| err())?),
                    false => LocalSegment::Str(seg.to_string()),
                });
                if !c.eat_sep() {
                    break;
                }
            }
        }
        if c.i != c.s.len() {
            return Err(err());
        }
        Ok(v)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.epoch != 0 {
            write!(f, "{}!", self.epoch)?;
        }
        let rel: Vec<String> = self.release.iter().map(|n| n.to_string()).collect();
        f.write_str(&rel.join("."))?;
        if let Some((k, n)) = self.pre {
            write!(f, "{}{n}", k.as_str())?;
        }
        if let Some(n) = self.post {
            write!(f, ".post{n}")?;
        }
        if let Some(n) = self.dev {
            write!(f, ".dev{n}")?;
        }
        if !self.local.is_empty() {
            let l: Vec<String> = self.local.iter().map(|s| s.to_string()).collect();
            write!(f, "+{}", l.join("."))?;
        }
        Ok(())
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key_without_local().cmp(&other.key_without_local()).then_with(|| {
            // No local label sorts before any local label.
            match (self.local.is_empty(), other.local.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                (false, false) => self.local.cmp(&other.local),
            }
        })
    }
}
impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Version {}
impl std::hash::Hash for Version {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let k = self.key_without_local();
        k.hash(state);
        self.local.hash(state);
    }
}

#[cfg(test)]
mod tests;
