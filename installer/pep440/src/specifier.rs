//! Version specifiers (`>=1.0,!=1.3.*,~=1.2`) and their matching rules.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::{Version, VersionParseError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operator {
    Compatible,
    Equal,
    EqualStar,
    NotEqual,
    NotEqualStar,
    Arbitrary,
    LessEqual,
    GreaterEqual,
    Less,
    Greater,
}

impl Operator {
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Compatible => "~=",
            Operator::Equal | Operator::EqualStar => "==",
            Operator::NotEqual | Operator::NotEqualStar => "!=",
            Operator::Arbitrary => "===",
            Operator::LessEqual => "<=",
            Operator::GreaterEqual => ">=",
            Operator::Less => "<",
            Operator::Greater => ">",
        }
    }
}

/// One clause: an operator and a version (`==1.2.*`, `~=2.0`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VersionSpecifier {
    pub operator: Operator,
    pub version: Version,
    /// The text after the operator, kept for `===` and for display.
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecifierParseError(pub String);

impl fmt::Display for SpecifierParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Invalid specifier: '{}'", self.0)
    }
}
impl std::error::Error for SpecifierParseError {}

impl From<VersionParseError> for SpecifierParseError {
    fn from(e: VersionParseError) -> Self {
        SpecifierParseError(e.0)
    }
}

impl FromStr for VersionSpecifier {
    type Err = SpecifierParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SpecifierParseError(s.to_string());
        let t = s.trim();
        let ops = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"];
        let op = ops.iter().find(|o| t.starts_with(**o)).ok_or_else(err)?;
        let rest = t[op.len()..].trim();
        if rest.is_empty() {
            return Err(err());
        }
        if *op == "===" {
            // Arbitrary equality: any string; a version when it parses.
            let version = rest.parse().unwrap_or_else(|_| Version::new([0]));
            return Ok(VersionSpecifier { operator: Operator::Arbitrary, version, raw: rest.to_string() });
        }
        let (star, vtext) = match rest.strip_suffix(".*") {
            Some(v) => (true, v),
            None => (false, rest),
        };
        let version: Version = vtext.parse().map_err(|_| err())?;
        let operator = match (*op, star) {
            ("==", true) => Operator::EqualStar,
            ("!=", true) => Operator::NotEqualStar,
            (_, true) => return Err(err()),
            ("~=", false) => Operator::Compatible,
            ("==", false) => Operator::Equal,
            ("!=", false) => Operator::NotEqual,
            ("<=", false) => Operator::LessEqual,
            (">=", false) => Operator::GreaterEqual,
            ("<", false) => Operator::Less,
            (">", false) => Operator::Greater,
            _ => unreachable!(),
        };
        // Prefix matches and ordered comparisons take no local label; ~= needs two release numbers.
        let local_ok = matches!(operator, Operator::Equal | Operator::NotEqual);
        if !version.local.is_empty() && !local_ok {
            return Err(err());
        }
        if operator == Operator::Compatible && version.release.len() < 2 {
            return Err(err());
        }
        if star && (version.dev.is_some() || !version.local.is_empty()) {
            return Err(err());
        }
        Ok(VersionSpecifier { operator, version, raw: rest.to_string() })
    }
}

impl fmt::Display for VersionSpecifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.operator.as_str(), self.raw)
    }
}

/// `candidate` matches `prefix.*`: same epoch, and the prefix's segments equal
/// the candidate's first segments (release padded with zeros).
fn prefix_match(candidate: &Version, prefix: &Version) -> bool {
    if candidate.epoch != prefix.epoch {
        return false;
    }
    let n = prefix.release.len();
    for i in 0..n {
        if candidate.release.get(i).copied().unwrap_or(0) != prefix.release[i] {
            return false;
        }
    }
    // `==1.0rc1.*`, `==1.0.post1.*`: later parts present in the prefix must match too.
    if prefix.pre.is_some() {
        if candidate.release.len() > n && candidate.release[n..].iter().any(|&x| x != 0) {
            return false;
        }
        if candidate.pre != prefix.pre {
            return false;
        }
        if prefix.post.is_some() && candidate.post != prefix.post {
            return false;
        }
    } else if prefix.post.is_some() {
        if candidate.release.len() > n && candidate.release[n..].iter().any(|&x| x != 0) {
            return false;
        }
        if candidate.pre.is_some() || candidate.post != prefix.post {
            return false;
        }
    }
    true
}

impl VersionSpecifier {
    /// Whether this clause's own version makes it admit pre-releases.
    pub fn wants_prereleases(&self) -> bool {
        match self.operator {
            Operator::Equal
            | Operator::EqualStar
            | Operator::GreaterEqual
            | Operator::LessEqual
            | Operator::Compatible
            | Operator::Arbitrary => self.version.is_prerelease(),
            _ => false,
        }
    }

    /// Whether `v` satisfies this clause (pre-release policy aside).
    pub fn contains(&self, v: &Version) -> bool {
        let spec = &self.version;
        match self.operator {
            Operator::Arbitrary => v.to_string().eq_ignore_ascii_case(&self.raw),
            Operator::Equal => {
                if spec.local.is_empty() {
                    v.cmp_public(spec) == Ordering::Equal
                } else {
                    v == spec
                }
            }
            Operator::NotEqual => {
                !(if spec.local.is_empty() { v.cmp_public(spec) == Ordering::Equal } else { v == spec })
            }
            Operator::EqualStar => prefix_match(&v.public(), spec),
            Operator::NotEqualStar => !prefix_match(&v.public(), spec),
            Operator::Compatible => {
                let mut prefix = spec.base();
                prefix.release.pop();
                v.cmp_public(spec) != Ordering::Less && prefix_match(&v.public(), &prefix)
            }
            Operator::LessEqual => v.cmp_public(spec) != Ordering::Greater,
            Operator::GreaterEqual => v.cmp_public(spec) != Ordering::Less,
            Operator::Less => {
                if v.cmp_public(spec) != Ordering::Less {
                    return false;
                }
                // <3.0 excludes 3.0a1 unless the spec itself is a pre-release.
                !(!spec.is_prerelease() && v.is_prerelease() && v.base() == spec.base())
            }
            Operator::Greater => {
                if v.cmp_public(spec) != Ordering::Greater {
                    return false;
                }
                // >3.0 excludes 3.0.post1 unless the spec is a post-release, and 3.0+local.
                if !spec.is_postrelease() && v.is_postrelease() && v.base() == spec.base() {
                    return false;
                }
                !(!v.local.is_empty() && v.base() == spec.base())
            }
        }
    }
}

/// A comma-separated set of clauses; all must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct VersionSpecifiers(pub Vec<VersionSpecifier>);

impl FromStr for VersionSpecifiers {
    type Err = SpecifierParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut out = Vec::new();
        for part in s.split(',') {
            if part.trim().is_empty() {
                if s.trim().is_empty() {
                    continue;
                }
                return Err(SpecifierParseError(s.to_string()));
            }
            out.push(part.parse()?);
        }
        Ok(VersionSpecifiers(out))
    }
}

impl fmt::Display for VersionSpecifiers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self.0.iter().map(|s| s.to_string()).collect();
        parts.sort();
        f.write_str(&parts.join(","))
    }
}

impl VersionSpecifiers {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether any clause names a pre-release, which lets pre-releases in.
    pub fn wants_prereleases(&self) -> bool {
        self.0.iter().any(|s| s.wants_prereleases())
    }

    /// Every clause holds, ignoring pre-release policy.
    pub fn contains_any(&self, v: &Version) -> bool {
        self.0.iter().all(|s| s.contains(v))
    }

    /// As packaging's `SpecifierSet.contains(v, prereleases)`: pre-releases are
    /// excluded unless `prereleases` is true or a clause names one.
    pub fn contains(&self, v: &Version, prereleases: bool) -> bool {
        if v.is_prerelease() && !(prereleases || self.wants_prereleases()) {
            return false;
        }
        self.contains_any(v)
    }

    /// As packaging's `SpecifierSet.filter`: the matching versions, or if only
    /// pre-releases match (and none were allowed), those pre-releases.
    pub fn filter<'a>(&self, versions: impl IntoIterator<Item = &'a Version>, prereleases: bool) -> Vec<&'a Version> {
        let mut finals = Vec::new();
        let mut pres = Vec::new();
        let allow = prereleases || self.wants_prereleases();
        for v in versions {
            if !self.contains_any(v) {
                continue;
            }
            if v.is_prerelease() && !allow {
                pres.push(v);
            } else {
                finals.push(v);
            }
        }
        if finals.is_empty() {
            pres
        } else {
            finals
        }
    }
}
