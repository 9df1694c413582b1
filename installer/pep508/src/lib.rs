//! PEP 508 dependency specifications: `name[extra1,extra2] (>=1.0) ; markers`
//! or `name @ url ; markers`, and marker evaluation against an environment.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use krait_pep440::{Version, VersionSpecifier, VersionSpecifiers};

/// PEP 503 normalised project name: lower case, runs of `-_.` become `-`.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut sep = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            sep = true;
        } else {
            if sep && !out.is_empty() {
                out.push('-');
            }
            sep = false;
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub input: String,
    pub pos: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n    {}\n    {}^", self.message, self.input, " ".repeat(self.pos))
    }
}
impl std::error::Error for ParseError {}

/// Where a requirement's distributions come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionOrUrl {
    Specifiers(VersionSpecifiers),
    Url(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub name: String,
    pub extras: Vec<String>,
    pub version_or_url: VersionOrUrl,
    pub marker: Option<MarkerTree>,
}

impl Requirement {
    pub fn normalized_name(&self) -> String {
        normalize_name(&self.name)
    }
    pub fn specifiers(&self) -> VersionSpecifiers {
        match &self.version_or_url {
            VersionOrUrl::Specifiers(s) => s.clone(),
            VersionOrUrl::Url(_) => VersionSpecifiers::default(),
        }
    }
    /// Whether the requirement applies in `env` with the given extras active.
    pub fn applies(&self, env: &MarkerEnvironment, extras: &[String]) -> bool {
        match &self.marker {
            None => true,
            Some(m) => {
                if extras.is_empty() {
                    m.evaluate(env, "")
                } else {
                    extras.iter().any(|e| m.evaluate(env, e))
                }
            }
        }
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if !self.extras.is_empty() {
            write!(f, "[{}]", self.extras.join(","))?;
        }
        match &self.version_or_url {
            VersionOrUrl::Specifiers(s) => write!(f, "{s}")?,
            VersionOrUrl::Url(u) => write!(f, " @ {u}")?,
        }
        if let Some(m) = &self.marker {
            if matches!(self.version_or_url, VersionOrUrl::Url(_)) {
                f.write_str(" ")?;
            }
            write!(f, "; {m}")?;
        }
        Ok(())
    }
}

/// The values markers are evaluated against (PEP 508's variables).
#[derive(Debug, Clone, Default)]
pub struct MarkerEnvironment(pub BTreeMap<String, String>);

impl MarkerEnvironment {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|s| s.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkerValue {
    Var(String),
    Str(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkerTree {
    Compare { lhs: MarkerValue, op: String, rhs: MarkerValue },
    And(Vec<MarkerTree>),
    Or(Vec<MarkerTree>),
}

const VARIABLES: &[&str] = &[
    "python_version",
    "python_full_version",
    "os_name",
    "sys_platform",
    "platform_release",
    "platform_system",
    "platform_version",
    "platform_machine",
    "platform_python_implementation",
    "implementation_name",
    "implementation_version",
    "extra",
];

fn canonical_var(name: &str) -> Option<&'static str> {
    let n = match name {
        "os.name" => "os_name",
        "sys.platform" => "sys_platform",
        "platform.version" => "platform_version",
        "platform.machine" => "platform_machine",
        "platform.python_implementation" | "python_implementation" => "platform_python_implementation",
        other => other,
    };
    VARIABLES.iter().copied().find(|v| *v == n)
}

impl fmt::Display for MarkerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarkerValue::Var(v) => f.write_str(v),
            MarkerValue::Str(s) if s.contains('"') => write!(f, "'{s}'"),
            MarkerValue::Str(s) => write!(f, "\"{s}\""),
        }
    }
}

impl fmt::Display for MarkerTree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarkerTree::Compare { lhs, op, rhs } => write!(f, "{lhs} {op} {rhs}"),
            MarkerTree::And(items) | MarkerTree::Or(items) => {
                let joiner = if matches!(self, MarkerTree::And(_)) { " and " } else { " or " };
                let parts: Vec<String> = items
                    .iter()
                    .map(|m| match (self, m) {
                        (MarkerTree::And(_), MarkerTree::Or(_)) => format!("({m})"),
                        _ => m.to_string(),
                    })
                    .collect();
                f.write_str(&parts.join(joiner))
            }
        }
    }
}

impl MarkerTree {
    /// Evaluates the marker; `extra` is the active extra ("" for none).
    pub fn evaluate(&self, env: &MarkerEnvironment, extra: &str) -> bool {
        match self {
            MarkerTree::And(items) => items.iter().all(|m| m.evaluate(env, extra)),
            MarkerTree::Or(items) => items.iter().any(|m| m.evaluate(env, extra)),
            MarkerTree::Compare { lhs, op, rhs } => {
                let is_extra = matches!(lhs, MarkerValue::Var(v) if v == "extra")
                    || matches!(rhs, MarkerValue::Var(v) if v == "extra");
                let value = |v: &MarkerValue| -> String {
                    match v {
                        MarkerValue::Var(name) if name == "extra" => normalize_name(extra),
                        MarkerValue::Var(name) => env.get(name).unwrap_or("").to_string(),
                        MarkerValue::Str(s) if is_extra => normalize_name(s),
                        MarkerValue::Str(s) => s.clone(),
                    }
                };
                compare(&value(lhs), op, &value(rhs))
            }
        }
    }
}

fn compare(lhs: &str, op: &str, rhs: &str) -> bool {
    match op {
        "in" => return rhs.contains(lhs),
        "not in" => return !rhs.contains(lhs),
        _ => {}
    }
    // As packaging: a version comparison when the right side makes a valid specifier.
    if let (Ok(spec), Ok(v)) = (format!("{op}{rhs}").parse::<VersionSpecifier>(), lhs.parse::<Version>()) {
        return spec.contains(&v);
    }
    match op {
        "==" | "===" => lhs == rhs,
        "!=" => lhs != rhs,
        "<" => lhs < rhs,
        "<=" => lhs <= rhs,
        ">" => lhs > rhs,
        ">=" => lhs >= rhs,
        _ => false,
    }
}

struct Parser<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Parser<'a> {
    fn err<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError { input: self.s.to_string(), pos: self.i, message: message.into() })
    }
    fn ws(&mut self) {
        while self.s[self.i..].starts_with([' ', '\t']) {
            self.i += 1;
        }
    }
    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }
    fn eat(&mut self, t: &str) -> bool {
        self.ws();
        if self.rest().starts_with(t) {
            self.i += t.len();
            true
        } else {
            false
        }
    }
    fn identifier(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.i;
        let bytes = self.s.as_bytes();
        if !bytes.get(self.i).is_some_and(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        while bytes.get(self.i).is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) {
            self.i += 1;
        }
        // A name may not end in a separator.
        while matches!(bytes[self.i - 1], b'-' | b'_' | b'.') {
            self.i -= 1;
        }
        Some(&self.s[start..self.i])
    }

    fn marker_or(&mut self) -> Result<MarkerTree, ParseError> {
        let mut items = vec![self.marker_and()?];
        while self.keyword("or") {
            items.push(self.marker_and()?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap() } else { MarkerTree::Or(items) })
    }
    fn marker_and(&mut self) -> Result<MarkerTree, ParseError> {
        let mut items = vec![self.marker_atom()?];
        while self.keyword("and") {
            items.push(self.marker_atom()?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap() } else { MarkerTree::And(items) })
    }
    fn keyword(&mut self, k: &str) -> bool {
        self.ws();
        let r = self.rest();
        if r.starts_with(k) && !r[k.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            self.i += k.len();
            true
        } else {
            false
        }
    }
    fn marker_atom(&mut self) -> Result<MarkerTree, ParseError> {
        if self.eat("(") {
            let m = self.marker_or()?;
            if !self.eat(")") {
                return self.err("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression");
            }
            return Ok(m);
        }
        let lhs = self.marker_value()?;
        self.ws();
        let op = self.marker_op()?;
        let rhs = self.marker_value()?;
        Ok(MarkerTree::Compare { lhs, op, rhs })
    }
    fn marker_op(&mut self) -> Result<String, ParseError> {
        for op in ["===", "==", "!=", "<=", ">=", "~=", "<", ">"] {
            if self.eat(op) {
                return Ok(op.to_string());
            }
        }
        if self.keyword("in") {
            return Ok("in".into());
        }
        if self.keyword("not") {
            if self.keyword("in") {
                return Ok("not in".into());
            }
            return self.err("Expected 'in' after 'not'");
        }
        self.err("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in")
    }
    fn marker_value(&mut self) -> Result<MarkerValue, ParseError> {
        self.ws();
        let r = self.rest();
        if let Some(q) = r.chars().next().filter(|c| *c == '"' || *c == '\'') {
            if let Some(end) = r[1..].find(q) {
                let s = r[1..1 + end].to_string();
                self.i += end + 2;
                return Ok(MarkerValue::Str(s));
            }
            return self.err("Unterminated string");
        }
        let start = self.i;
        let bytes = self.s.as_bytes();
        while bytes.get(self.i).is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.')) {
            self.i += 1;
        }
        match canonical_var(&self.s[start..self.i]) {
            Some(v) => Ok(MarkerValue::Var(v.to_string())),
            None => {
                self.i = start;
                self.err("Expected a marker variable or quoted string")
            }
        }
    }
}

impl FromStr for MarkerTree {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let mut p = Parser { s, i: 0 };
        let m = p.marker_or()?;
        p.ws();
        if p.i != s.len() {
            return p.err("Expected end or semicolon (after marker expression)");
        }
        Ok(m)
    }
}

impl FromStr for Requirement {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let mut p = Parser { s, i: 0 };
        let name = match p.identifier() {
            Some(n) => n.to_string(),
            None => return p.err("Expected package name at the start of dependency specifier"),
        };
        let mut extras = Vec::new();
        if p.eat("[") {
            if !p.eat("]") {
                loop {
                    match p.identifier() {
                        Some(e) => extras.push(e.to_string()),
                        None => return p.err("Expected extra name"),
                    }
                    if p.eat("]") {
                        break;
                    }
                    if !p.eat(",") {
                        return p.err("Expected comma between extra names");
                    }
                }
            }
        }
        p.ws();
        let version_or_url = if p.eat("@") {
            p.ws();
            let start = p.i;
            while p.i < s.len() && !s[p.i..].starts_with(char::is_whitespace) {
                p.i += 1;
            }
            let url = &s[start..p.i];
            if url.is_empty() {
                return p.err("Expected URL after @");
            }
            let url = url.to_string();
            p.ws();
            if p.i < s.len() && !s[p.i..].starts_with(';') {
                return p.err("Expected end or semicolon (after URL and whitespace)");
            }
            VersionOrUrl::Url(url)
        } else {
            let paren = p.eat("(");
            p.ws();
            let start = p.i;
            let stop: &[char] = if paren { &[')'] } else { &[';'] };
            let end = s[start..].find(stop).map(|k| start + k).unwrap_or(s.len());
            let text = s[start..end].trim();
            p.i = end;
            if paren && !p.eat(")") {
                return p.err("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier");
            }
            if text.is_empty() {
                VersionOrUrl::Specifiers(VersionSpecifiers::default())
            } else {
                match text.parse::<VersionSpecifiers>() {
                    Ok(v) => VersionOrUrl::Specifiers(v),
                    Err(e) => {
                        p.i = start;
                        return p.err(format!("{e}"));
                    }
                }
            }
        };
        p.ws();
        let marker = if p.eat(";") {
            let rest = &s[p.i..];
            match rest.parse::<MarkerTree>() {
                Ok(m) => Some(m),
                Err(mut e) => {
                    e.pos += p.i;
                    e.input = s.to_string();
                    return Err(e);
                }
            }
        } else {
            if p.i != s.len() {
                return p.err("Expected end or semicolon (after version specifier)");
            }
            None
        };
        Ok(Requirement { name, extras, version_or_url, marker })
    }
}

#[cfg(test)]
mod tests;
