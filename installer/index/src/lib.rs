//! The package index client: PEP 503 HTML and PEP 691 JSON simple pages,
//! `--find-links` folders and pages, downloads checked against their hashes,
//! and PEP 658 metadata files (METADATA read without fetching the wheel).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use krait_pep508::normalize_name;

/// One file offered for a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistFile {
    pub filename: String,
    /// Absolute URL, or a local path for find-links folders.
    pub url: String,
    pub sha256: Option<String>,
    pub requires_python: Option<String>,
    pub yanked: bool,
    /// PEP 658/714: `url + ".metadata"` holds the METADATA file.
    pub has_metadata: bool,
    /// PEP 700: the file's size, when the index gives it.
    pub size: Option<u64>,
}

/// Settings of the HTTP client beyond the URLs.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// A PEM bundle of certificate authorities (pip's `--cert`).
    pub cert: Option<PathBuf>,
    /// Socket timeout (pip's `--timeout`); 60 s when not given.
    pub timeout: Option<Duration>,
    /// A proxy for every request (pip's `--proxy`); else the environment's
    /// `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY`.
    pub proxy: Option<String>,
    /// Attempts after the first for failed connections and 5xx answers (pip's `--retries`); 2 when not given.
    pub retries: Option<u32>,
    /// pip's `--trusted-host`: `host` or `host:port` whose pages are fetched
    /// even over plain HTTP, and whose HTTPS certificates are not checked.
    pub trusted_hosts: Vec<String>,
    /// pip's `--keyring-provider`: with `subprocess`, a 401 answer is retried
    /// with the password of `keyring get URL USERNAME`.
    pub keyring_provider: Option<String>,
}

pub struct Client {
    pub index_urls: Vec<String>,
    pub find_links: Vec<String>,
    pub cache_dir: PathBuf,
    agent: ureq::Agent,
    /// For trusted hosts: certificates not checked.
    insecure_agent: Option<ureq::Agent>,
    attempts: u32,
    trusted: Vec<(String, Option<u16>)>,
    /// The `keyring` executable, with `--keyring-provider subprocess`.
    keyring: Option<PathBuf>,
    /// Credentials found after a 401 (from keyring), by host:port.
    learned: std::sync::Mutex<std::collections::HashMap<String, String>>,
    /// Hosts already warned about as insecure.
    warned: std::sync::Mutex<std::collections::HashSet<String>>,
}

fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&")
}

/// Joins a link found on page `base` into an absolute URL.
pub fn join_url(base: &str, href: &str) -> String {
    if href.contains("://") {
        return href.to_string();
    }
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..].find('/').map(|i| i + scheme_end).unwrap_or(base.len());
    if let Some(rest) = href.strip_prefix('/') {
        return format!("{}/{rest}", &base[..host_end]);
    }
    let dir_end = base.rfind('/').filter(|&i| i >= host_end).map(|i| i + 1).unwrap_or(base.len());
    let mut parts: Vec<&str> = base[host_end..dir_end].split('/').filter(|s| !s.is_empty()).collect();
    let mut href_parts = href.split('/').peekable();
    while let Some(p) = href_parts.peek() {
        match *p {
            ".." => {
                parts.pop();
                href_parts.next();
            }
            "." => {
                href_parts.next();
            }
            _ => break,
        }
    }
    let rest: Vec<&str> = href_parts.collect();
    let mut out = base[..host_end].to_string();
    for p in parts {
        out.push('/');
        out.push_str(p);
    }
    out.push('/');
    out.push_str(&rest.join("/"));
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[at + name.len()..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let (q, body) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => (q, &rest[1..]),
            _ => {
                let end = rest.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(rest.len());
                return Some(html_unescape(&rest[..end]));
            }
        };
        let end = body.find(q)?;
        return Some(html_unescape(&body[..end]));
    }
    None
}

fn has_attr(tag: &str, name: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    lower.match_indices(name).any(|(i, _)| {
        i > 0 && lower.as_bytes()[i - 1].is_ascii_whitespace() && !lower[i + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-')
    })
}

fn split_fragment(url: &str) -> (String, Option<String>) {
    match url.split_once('#') {
        Some((u, frag)) => (u.to_string(), frag.strip_prefix("sha256=").map(|s| s.to_string())),
        None => (url.to_string(), None),
    }
}

/// The files linked from a PEP 503 HTML page.
pub fn parse_html(page_url: &str, html: &str) -> Vec<DistFile> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<a") {
        let start = from + i;
        let Some(end) = lower[start..].find('>').map(|e| start + e) else { break };
        from = end;
        let tag = &html[start + 2..end];
        if !tag.starts_with(char::is_whitespace) {
            continue;
        }
        let Some(href) = attr(tag, "href") else { continue };
        let text_end = lower[end..].find("</a>").map(|e| end + e).unwrap_or(end + 1);
        let (url, sha) = split_fragment(&join_url(page_url, &href));
        let filename = html_unescape(html[end + 1..text_end.max(end + 1)].trim());
        let filename = if filename.is_empty() { url.rsplit('/').next().unwrap_or("").to_string() } else { filename };
        out.push(DistFile {
            filename,
            url,
            sha256: sha,
            requires_python: attr(tag, "data-requires-python"),
            yanked: has_attr(tag, "data-yanked"),
            has_metadata: has_attr(tag, "data-core-metadata") || has_attr(tag, "data-dist-info-metadata"),
            size: None,
        });
    }
    out
}

/// The files of a PEP 691 JSON page.
pub fn parse_json(page_url: &str, text: &str) -> Result<Vec<DistFile>, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("bad JSON from {page_url}: {e}"))?;
    let files = v.get("files").and_then(|f| f.as_array()).ok_or_else(|| format!("{page_url} has no 'files'"))?;
    let mut out = Vec::new();
    for f in files {
        let (Some(filename), Some(url)) = (f.get("filename").and_then(|x| x.as_str()), f.get("url").and_then(|x| x.as_str())) else { continue };
        let yanked = match f.get("yanked") {
            Some(serde_json::Value::Bool(b)) => *b,
            Some(serde_json::Value::String(_)) => true,
            _ => false,
        };
        let meta = |k: &str| match f.get(k) {
            Some(serde_json::Value::Bool(b)) => *b,
            Some(serde_json::Value::Object(_)) => true,
            _ => false,
        };
        let (u, frag) = split_fragment(&join_url(page_url, url));
        out.push(DistFile {
            filename: filename.to_string(),
            url: u,
            sha256: f.get("hashes").and_then(|h| h.get("sha256")).and_then(|x| x.as_str()).map(|s| s.to_string()).or(frag),
            requires_python: f.get("requires-python").and_then(|x| x.as_str()).map(|s| s.to_string()),
            yanked,
            has_metadata: meta("core-metadata") || meta("data-dist-info-metadata") || meta("dist-info-metadata"),
            size: f.get("size").and_then(|x| x.as_u64()),
        });
    }
    Ok(out)
}

/// The system's certificate authorities (as pip: PIP_CERT, SSL_CERT_FILE,
/// REQUESTS_CA_BUNDLE, then the distribution's bundle), else webpki's roots.
fn system_roots(cert: Option<&Path>) -> ureq::tls::RootCerts {
    let candidates = cert
        .map(Path::to_path_buf)
        .into_iter()
        .chain(["PIP_CERT", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"].iter().filter_map(|k| std::env::var_os(k).map(PathBuf::from)))
        .chain(["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"].iter().map(PathBuf::from));
    for path in candidates {
        let Ok(pem) = std::fs::read(&path) else { continue };
        let certs: Vec<ureq::tls::Certificate<'static>> = ureq::tls::parse_pem(&pem)
            .filter_map(|item| match item {
                Ok(ureq::tls::PemItem::Certificate(c)) => Some(c),
                _ => None,
            })
            .collect();
        if !certs.is_empty() {
            return ureq::tls::RootCerts::new_with_certs(&certs);
        }
    }
    ureq::tls::RootCerts::WebPki
}

impl Client {
    pub fn new(index_urls: Vec<String>, find_links: Vec<String>, cache_dir: PathBuf) -> Client {
        Client::with_options(index_urls, find_links, cache_dir, ClientOptions::default())
    }

    pub fn with_options(index_urls: Vec<String>, find_links: Vec<String>, cache_dir: PathBuf, opts: ClientOptions) -> Client {
        let proxy = opts.proxy.as_ref().and_then(|p| match ureq::Proxy::new(p) {
            Ok(proxy) => Some(proxy),
            Err(e) => {
                eprintln!("WARNING: ignoring the proxy {p}: {e}");
                None
            }
        });
        let make = |tls: ureq::tls::TlsConfig| -> ureq::Agent {
            let mut builder = ureq::Agent::config_builder();
            if let Some(p) = &proxy {
                builder = builder.proxy(Some(p.clone()));
            }
            builder.timeout_global(Some(opts.timeout.unwrap_or(Duration::from_secs(60)))).http_status_as_error(false).tls_config(tls).build().into()
        };
        let agent = make(ureq::tls::TlsConfig::builder().root_certs(system_roots(opts.cert.as_deref())).build());
        let trusted: Vec<(String, Option<u16>)> = opts.trusted_hosts.iter().filter_map(|h| parse_trusted_host(h)).collect();
        let insecure_agent = (!trusted.is_empty()).then(|| make(ureq::tls::TlsConfig::builder().disable_verification(true).build()));
        let keyring = match opts.keyring_provider.as_deref() {
            Some("subprocess") => find_executable("keyring"),
            _ => None,
        };
        Client {
            index_urls,
            find_links,
            cache_dir,
            agent,
            insecure_agent,
            attempts: 1 + opts.retries.unwrap_or(2),
            trusted,
            keyring,
            learned: Default::default(),
            warned: Default::default(),
        }
    }

    /// Whether `--trusted-host` names the host (and port) of `url`.
    pub fn is_trusted(&self, url: &str) -> bool {
        let (host, port) = host_port(url);
        self.trusted.iter().any(|(h, p)| *h == host && (p.is_none() || *p == port))
    }

    /// pip's secure origins: HTTPS and local files, the local machine
    /// (localhost, 127.0.0.0/8, ::1) by any scheme, and trusted hosts.
    pub fn is_secure_origin(&self, url: &str) -> bool {
        let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase()).unwrap_or_else(|| "file".into());
        if scheme == "https" || scheme == "file" {
            return true;
        }
        let (host, _) = host_port(url);
        let h = host.trim_start_matches('[').trim_end_matches(']');
        if h == "localhost" || h == "::1" || h.parse::<std::net::Ipv4Addr>().is_ok_and(|a| a.octets()[0] == 127) {
            return true;
        }
        self.is_trusted(url)
    }

    /// pip's check before reading an index or find-links page: pages of
    /// insecure origins are ignored with a warning (once per host).
    fn allowed_page(&self, url: &str) -> bool {
        if self.is_secure_origin(url) {
            return true;
        }
        let host = host_port(url).0;
        if self.warned.lock().unwrap().insert(host.clone()) {
            eprintln!(
                "WARNING: The repository located at {host} is not a trusted or secure host and is being ignored. If this repository is available via HTTPS we recommend you use HTTPS instead, otherwise you may silence this warning and allow it anyway with '--trusted-host {host}'."
            );
        }
        false
    }

    fn agent_for(&self, url: &str) -> &ureq::Agent {
        match &self.insecure_agent {
            Some(a) if self.is_trusted(url) => a,
            _ => &self.agent,
        }
    }

    /// After a 401: credentials from `keyring get URL USERNAME` (pip's
    /// subprocess provider), asked for the index URL the request belongs to,
    /// then for its host:port. Needs a username (in the URL or the index URL).
    fn keyring_auth(&self, url: &str) -> Option<String> {
        let keyring = self.keyring.as_ref()?;
        let (bare, creds) = split_userinfo(url);
        let index = self.index_urls.iter().find(|i| bare.starts_with(&(split_userinfo(i).0.trim_end_matches('/').to_string() + "/")));
        let user = creds.map(|c| c.0).or_else(|| index.and_then(|i| split_userinfo(i).1.map(|c| c.0)))?;
        let netloc = netloc_of(&bare);
        let mut services: Vec<String> = index.map(|i| split_userinfo(i).0.trim_end_matches('/').to_string() + "/").into_iter().collect();
        services.push(netloc.clone());
        for service in services {
            let out = std::process::Command::new(keyring)
                .args(["get", &service, &user])
                .env("PYTHONIOENCODING", "utf-8")
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .output();
            let Ok(out) = out else { continue };
            if out.status.success() {
                let password = String::from_utf8_lossy(&out.stdout).trim_end_matches(['\r', '\n']).to_string();
                let auth = basic_auth(&user, &password);
                self.learned.lock().unwrap().insert(netloc, auth.clone());
                return Some(auth);
            }
        }
        None
    }

    /// The URL without user:password, and the Authorization header for it:
    /// from the URL itself, else from an index URL on the same host, else
    /// from the netrc file (`$NETRC`, else `~/.netrc`), else what keyring
    /// gave for the host after a 401. A username without a password (in the
    /// URL or the index URL) is sent alone when nothing gives its password.
    fn auth_for(&self, url: &str) -> (String, Option<String>) {
        let (bare, creds) = split_userinfo(url);
        let mut user_only = None;
        if let Some(c) = creds {
            if !c.1.is_empty() {
                return (bare, Some(basic_auth(&c.0, &c.1)));
            }
            user_only = Some(c.0);
        }
        let host = host_of(&bare);
        for index in &self.index_urls {
            let (ibare, icreds) = split_userinfo(index);
            if let Some(c) = icreds {
                if host_of(&ibare) == host {
                    if !c.1.is_empty() {
                        return (bare, Some(basic_auth(&c.0, &c.1)));
                    }
                    user_only.get_or_insert(c.0);
                }
            }
        }
        if let Some((login, password)) = netrc_credentials(&host) {
            return (bare, Some(basic_auth(&login, &password)));
        }
        if let Some(a) = self.learned.lock().unwrap().get(&netloc_of(&bare)) {
            return (bare, Some(a.clone()));
        }
        let auth = user_only.map(|u| basic_auth(&u, ""));
        (bare, auth)
    }

    fn get(&self, url: &str, accept: &str) -> Result<(u16, String, Vec<u8>), String> {
        self.get_with(url, accept, &[]).map(|(s, ct, body, _)| (s, ct, body))
    }

    /// A GET with extra headers; also returns the response headers pip's cache needs.
    fn get_with(&self, full_url: &str, accept: &str, extra: &[(&str, String)]) -> Result<(u16, String, Vec<u8>, CacheHeaders), String> {
        self.get_inner(full_url, accept, extra, true)
    }

    fn get_inner(&self, full_url: &str, accept: &str, extra: &[(&str, String)], keyring: bool) -> Result<(u16, String, Vec<u8>, CacheHeaders), String> {
        let (url, auth) = self.auth_for(full_url);
        let url = url.as_str();
        let mut last = String::new();
        for attempt in 0..self.attempts {
            if attempt > 0 {
                std::thread::sleep(Duration::from_millis(200 << attempt));
            }
            let mut req = self.agent_for(url).get(url).header("Accept", accept).header("User-Agent", "krait-pip/0.1");
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            for (k, v) in extra {
                req = req.header(*k, v);
            }
            match req.call() {
                Ok(mut resp) => {
                    let status = resp.status().as_u16();
                    let header = |k: &str| resp.headers().get(k).and_then(|h| h.to_str().ok()).map(str::to_string);
                    let ct = header("content-type").unwrap_or_default();
                    let cache = CacheHeaders { etag: header("etag"), last_modified: header("last-modified"), cache_control: header("cache-control") };
                    let mut body = Vec::new();
                    resp.body_mut().as_reader().read_to_end(&mut body).map_err(|e| format!("reading {url}: {e}"))?;
                    if status >= 500 {
                        last = format!("{url}: HTTP {status}");
                        continue;
                    }
                    // Asked again with what keyring gives (remembered for the host).
                    if status == 401 && keyring && self.keyring_auth(full_url).is_some() {
                        return self.get_inner(full_url, accept, extra, false);
                    }
                    if status == 401 {
                        return Err(format!("{url}: HTTP 401 Unauthorized (give credentials in the index URL, as https://user:password@host/..., in ~/.netrc, or by keyring with --keyring-provider subprocess)"));
                    }
                    return Ok((status, ct, body, cache));
                }
                Err(e) => last = format!("{url}: {e}"),
            }
        }
        Err(last)
    }

    /// An index page, revalidated against the copy kept in `<cache>/http/`
    /// (If-None-Match / If-Modified-Since; a 304 answer reuses the copy).
    /// Pages marked `Cache-Control: no-store` are not kept.
    fn get_page(&self, url: &str, accept: &str) -> Result<(u16, String, Vec<u8>), String> {
        let key = format!("{:x}", Sha256::digest(format!("{}\n{accept}", split_userinfo(url).0).as_bytes()));
        let path = self.cache_dir.join("http").join(&key[..2]).join(&key);
        let stored: Option<serde_json::Value> = std::fs::read(&path).ok().and_then(|d| serde_json::from_slice(&d).ok());
        let stored_page = |s: &serde_json::Value| {
            let ct = s.get("content_type").and_then(|v| v.as_str()).unwrap_or("").to_string();
            let body = s.get("body").and_then(|v| v.as_str()).unwrap_or("").as_bytes().to_vec();
            (200, ct, body)
        };
        // A copy younger than the max-age its server gave is used as it is.
        if let Some(s) = &stored {
            let fetched = s.get("fetched").and_then(|v| v.as_u64()).unwrap_or(0);
            let max_age = s.get("max_age").and_then(|v| v.as_u64()).unwrap_or(0);
            let now = unix_now();
            if now >= fetched && now - fetched < max_age {
                return Ok(stored_page(s));
            }
        }
        let mut extra = Vec::new();
        if let Some(s) = &stored {
            if let Some(e) = s.get("etag").and_then(|v| v.as_str()) {
                extra.push(("If-None-Match", e.to_string()));
            }
            if let Some(m) = s.get("last_modified").and_then(|v| v.as_str()) {
                extra.push(("If-Modified-Since", m.to_string()));
            }
        }
        let (status, ct, body, headers) = self.get_with(url, accept, &extra)?;
        let max_age = headers.max_age();
        let save = |v: &serde_json::Value| {
            if let Some(dir) = path.parent() {
                let tmp = dir.join(format!(".{key}.{}-{}", std::process::id(), unique()));
                if std::fs::create_dir_all(dir).is_ok() && std::fs::write(&tmp, v.to_string()).is_ok() && std::fs::rename(&tmp, &path).is_err() {
                    let _ = std::fs::remove_file(&tmp);
                }
            }
        };
        if status == 304 {
            if let Some(mut s) = stored {
                // Fresh again for the max-age of this answer.
                s["fetched"] = unix_now().into();
                s["max_age"] = max_age.into();
                save(&s);
                return Ok(stored_page(&s));
            }
        }
        let no_store = headers.cache_control.as_deref().is_some_and(|c| c.to_ascii_lowercase().contains("no-store"));
        if status == 200 && !no_store && (headers.etag.is_some() || headers.last_modified.is_some() || max_age > 0) {
            if let Ok(text) = String::from_utf8(body.clone()) {
                let v = serde_json::json!({
                    "url": split_userinfo(url).0, "etag": headers.etag, "last_modified": headers.last_modified,
                    "fetched": unix_now(), "max_age": max_age, "content_type": ct, "body": text,
                });
                save(&v);
            }
        }
        Ok((status, ct, body))
    }

    /// A text document (a requirements file given by URL).
    pub fn get_text(&self, url: &str) -> Result<String, String> {
        let (status, _, body) = self.get(url, "text/plain, */*")?;
        if status != 200 {
            return Err(format!("{}: HTTP {status}", split_userinfo(url).0));
        }
        String::from_utf8(body).map_err(|_| format!("{}: not UTF-8 text", split_userinfo(url).0))
    }

    /// Every file offered for `name` by the indexes and find-links.
    pub fn files(&self, name: &str) -> Result<Vec<DistFile>, String> {
        let norm = normalize_name(name);
        let mut out = Vec::new();
        for index in &self.index_urls {
            let url = format!("{}/{norm}/", index.trim_end_matches('/'));
            if !self.allowed_page(&url) {
                continue;
            }
            let (status, ct, body) = self.get_page(&url, "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1")?;
            let url = split_userinfo(&url).0;
            if status == 404 {
                continue;
            }
            if status != 200 {
                return Err(format!("{url}: HTTP {status}"));
            }
            let text = String::from_utf8_lossy(&body);
            if ct.contains("json") {
                out.extend(parse_json(&url, &text)?);
            } else {
                out.extend(parse_html(&url, &text));
            }
        }
        for fl in &self.find_links {
            if fl.starts_with("http://") || fl.starts_with("https://") {
                if !self.allowed_page(fl) {
                    continue;
                }
                let (status, _, body) = self.get(fl, "text/html")?;
                if status == 200 {
                    out.extend(parse_html(fl, &String::from_utf8_lossy(&body)));
                }
            } else {
                let dir = PathBuf::from(fl.strip_prefix("file://").unwrap_or(fl));
                if let Ok(rd) = std::fs::read_dir(&dir) {
                    for e in rd.flatten() {
                        let filename = e.file_name().to_string_lossy().to_string();
                        let path = std::fs::canonicalize(e.path()).unwrap_or(e.path());
                        let size = e.metadata().ok().map(|m| m.len());
                        out.push(DistFile { filename, url: path.to_string_lossy().to_string(), sha256: None, requires_python: None, yanked: false, has_metadata: false, size });
                    }
                }
            }
        }
        out.retain(|f| {
            let stem = f.filename.split('-').next().unwrap_or("");
            normalize_name(stem) == norm
        });
        Ok(out)
    }

    /// Where a downloaded file is kept in the cache.
    fn cache_path(&self, f: &DistFile) -> PathBuf {
        let key = f.sha256.clone().unwrap_or_else(|| format!("{:x}", Sha256::digest(f.url.as_bytes())));
        self.cache_dir.join("wheels").join(key).join(&f.filename)
    }

    /// The path `fetch` gives for `f`, without fetching it: the file itself
    /// for local files, else its place in the cache (where nothing may be).
    pub fn location(&self, f: &DistFile) -> PathBuf {
        match f.url.strip_prefix("file://") {
            Some(local) => PathBuf::from(local),
            None if !f.url.contains("://") => PathBuf::from(&f.url),
            None => self.cache_path(f),
        }
    }

    /// Whether `fetch` would not need the network.
    pub fn is_cached(&self, f: &DistFile) -> bool {
        !f.url.contains("://") || f.url.starts_with("file://") || self.cache_path(f).exists()
    }

    /// The file on disk: local paths as they are, URLs downloaded into the
    /// cache (kept by hash) and checked against the index's sha256.
    pub fn fetch(&self, f: &DistFile) -> Result<PathBuf, String> {
        self.fetch_with_progress(f, &|_, _| {})
    }

    /// As `fetch`, calling `progress(bytes so far, total if known)` while downloading.
    pub fn fetch_with_progress(&self, f: &DistFile, progress: &(dyn Fn(u64, Option<u64>) + Sync)) -> Result<PathBuf, String> {
        let dest = self.location(f);
        if self.is_cached(f) {
            return Ok(dest);
        }
        let dir = dest.parent().expect("cache paths have a folder").to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let tmp = dir.join(format!(".{}.part{}-{}", f.filename, std::process::id(), unique()));
        let r = std::fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display())).and_then(|mut out| self.download_checked(f, progress, &mut out));
        match r {
            Ok(()) => {
                std::fs::rename(&tmp, &dest).map_err(|e| format!("{}: {e}", dest.display()))?;
                Ok(dest)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }

    /// A remote file's bytes, downloaded (with retries) and checked against
    /// the index's sha256, without writing it to the cache: for callers that
    /// only need what is inside (a wheel unpacked straight into the cache).
    pub fn fetch_bytes(&self, f: &DistFile, progress: &(dyn Fn(u64, Option<u64>) + Sync)) -> Result<Vec<u8>, String> {
        let mut data = Vec::with_capacity(f.size.unwrap_or(0) as usize);
        self.download_checked(f, progress, &mut data)?;
        Ok(data)
    }

    /// Downloads `f` into `out` (emptied before each attempt), retrying
    /// with backoff, and checks the index's sha256.
    fn download_checked(&self, f: &DistFile, progress: &(dyn Fn(u64, Option<u64>) + Sync), out: &mut dyn Rewind) -> Result<(), String> {
        let mut last = String::new();
        for attempt in 0..self.attempts {
            if attempt > 0 {
                std::thread::sleep(Duration::from_millis(200 << attempt));
            }
            out.rewind().map_err(|e| format!("{}: {e}", f.filename))?;
            match self.download_to(&f.url, out, progress) {
                Ok(got) => {
                    if let Some(want) = &f.sha256 {
                        if &got != want {
                            return Err(format!(
                                "THESE PACKAGES DO NOT MATCH THE HASHES FROM THE INDEX.\n    {}:\n        Expected sha256 {want}\n             Got        {got}",
                                f.filename
                            ));
                        }
                    }
                    return Ok(());
                }
                Err((retry, e)) => {
                    last = e;
                    if !retry {
                        break;
                    }
                }
            }
        }
        Err(last)
    }

    /// Streams `url` into `out`; the sha256 of what was written, or
    /// (worth retrying, message).
    fn download_to(&self, url: &str, out: &mut dyn std::io::Write, progress: &(dyn Fn(u64, Option<u64>) + Sync)) -> Result<String, (bool, String)> {
        let (url, auth) = self.auth_for(url);
        let url = url.as_str();
        let mut req = self.agent_for(url).get(url).header("User-Agent", "krait-pip/0.1");
        if let Some(a) = &auth {
            req = req.header("Authorization", a);
        }
        let mut resp = req.call().map_err(|e| (true, format!("{url}: {e}")))?;
        let status = resp.status().as_u16();
        if status != 200 {
            return Err((status >= 500, format!("{url}: HTTP {status}")));
        }
        let total = resp.headers().get("content-length").and_then(|h| h.to_str().ok()).and_then(|s| s.parse::<u64>().ok());
        let mut reader = resp.body_mut().with_config().limit(u64::MAX).reader();
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut done = 0u64;
        loop {
            let n = reader.read(&mut buf).map_err(|e| (true, format!("reading {url}: {e}")))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n]).map_err(|e| (false, format!("writing {url}: {e}")))?;
            done += n as u64;
            progress(done, total);
        }
        // Not flushed to disk (nor do pip and uv): a killed process loses
        // nothing the kernel holds; after a power loss a damaged wheel is
        // refused by the RECORD checks when unpacked, and `cache purge` clears it.
        Ok(format!("{:x}", hasher.finalize()))
    }

    /// The wheel's METADATA: kept in the cache (`metadata/`, by the
    /// wheel's sha256) once read; from the wheel when it is cached or local;
    /// else from the PEP 658 file when offered, else from the downloaded wheel.
    pub fn metadata(&self, f: &DistFile) -> Result<String, String> {
        let kept = f.sha256.as_ref().filter(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit())).map(|h| self.cache_dir.join("metadata").join(&h[..2]).join(h));
        if let Some(text) = kept.as_ref().and_then(|p| std::fs::read_to_string(p).ok()) {
            return Ok(text);
        }
        let text = if !self.is_cached(f) && f.has_metadata && f.url.contains("://") {
            let (status, _, body) = self.get(&format!("{}.metadata", f.url), "*/*")?;
            if status == 200 {
                Some(String::from_utf8_lossy(&body).to_string())
            } else {
                None
            }
        } else {
            None
        };
        let text = match text {
            Some(t) => t,
            None => wheel_metadata(&self.fetch(f)?)?,
        };
        if let Some(p) = kept {
            if let Some(dir) = p.parent() {
                let tmp = dir.join(format!(".{}.{}-{}", f.filename, std::process::id(), unique()));
                if std::fs::create_dir_all(dir).is_ok() && std::fs::write(&tmp, &text).is_ok() && std::fs::rename(&tmp, &p).is_err() {
                    let _ = std::fs::remove_file(&tmp);
                }
            }
        }
        Ok(text)
    }
}

/// Response headers that matter to the page cache.
#[derive(Debug, Default)]
struct CacheHeaders {
    etag: Option<String>,
    last_modified: Option<String>,
    cache_control: Option<String>,
}

impl CacheHeaders {
    /// Seconds the answer stays fresh (`Cache-Control: max-age`); 0 with
    /// `no-cache`, `no-store`, `must-revalidate` or none given.
    fn max_age(&self) -> u64 {
        let Some(cc) = &self.cache_control else { return 0 };
        let mut age = 0;
        for d in cc.split(',').map(|d| d.trim().to_ascii_lowercase()) {
            match d.split_once('=') {
                Some(("max-age", v)) => age = v.trim().trim_matches('"').parse().unwrap_or(0),
                None if d == "no-cache" || d == "no-store" || d == "must-revalidate" => return 0,
                _ => {}
            }
        }
        age
    }
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// A number no other call in this process gets (for temporary file names).
fn unique() -> usize {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// `%XX` escapes decoded (others kept as they are), as UTF-8 text.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

/// Splits `scheme://user:password@host/...` into the URL without the
/// credentials and the (percent-decoded) credentials.
pub fn split_userinfo(url: &str) -> (String, Option<(String, String)>) {
    let Some(start) = url.find("://").map(|i| i + 3) else { return (url.to_string(), None) };
    let end = url[start..].find('/').map(|i| start + i).unwrap_or(url.len());
    match url[start..end].rfind('@') {
        Some(at) => {
            let info = &url[start..start + at];
            let (user, pass) = info.split_once(':').unwrap_or((info, ""));
            (format!("{}{}", &url[..start], &url[start + at + 1..]), Some((percent_decode(user), percent_decode(pass))))
        }
        None => (url.to_string(), None),
    }
}

/// The host of a URL, without port or credentials.
fn host_of(url: &str) -> String {
    let bare = split_userinfo(url).0;
    let start = bare.find("://").map(|i| i + 3).unwrap_or(0);
    let hostport = bare[start..].split('/').next().unwrap_or("");
    let host = if hostport.starts_with('[') { hostport.split(']').next().map(|h| format!("{h}]")).unwrap_or_default() } else { hostport.split(':').next().unwrap_or("").to_string() };
    host.to_ascii_lowercase()
}

/// The host (lower case, IPv6 in brackets) and port of a URL, without credentials.
fn host_port(url: &str) -> (String, Option<u16>) {
    let netloc = netloc_of(url);
    if netloc.starts_with('[') {
        let (h, rest) = netloc.split_once(']').unwrap_or((&netloc, ""));
        return (format!("{h}]"), rest.strip_prefix(':').and_then(|p| p.parse().ok()));
    }
    match netloc.rsplit_once(':') {
        Some((h, p)) => (h.to_string(), p.parse().ok()),
        None => (netloc.clone(), None),
    }
}

/// `host[:port]` of a URL (lower case, without credentials).
fn netloc_of(url: &str) -> String {
    let bare = split_userinfo(url).0;
    let start = bare.find("://").map(|i| i + 3).unwrap_or(0);
    bare[start..].split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase()
}

/// A `--trusted-host` value: `host` or `host:port` (a scheme is tolerated, as pip does).
fn parse_trusted_host(value: &str) -> Option<(String, Option<u16>)> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let url = if v.contains("://") { v.to_string() } else { format!("http://{v}") };
    Some(host_port(&url))
}

/// An executable named `name` on PATH.
fn find_executable(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        }
        #[cfg(not(unix))]
        {
            p.is_file()
        }
    })
}

fn basic_auth(user: &str, password: &str) -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
}

/// (login, password) for `host` from a netrc text: its `machine` entry, else `default`.
pub fn parse_netrc(text: &str, host: &str) -> Option<(String, String)> {
    let mut tokens = text.split_whitespace();
    let mut current: Option<(bool, Option<String>, Option<String>)> = None; // (matches, login, password)
    let mut default = None;
    let mut found = None;
    let finish = |c: Option<(bool, Option<String>, Option<String>)>, is_default: bool, found: &mut Option<(String, String)>, default: &mut Option<(String, String)>| {
        if let Some((m, l, p)) = c {
            let pair = (l.unwrap_or_default(), p.unwrap_or_default());
            if m && found.is_none() {
                *found = Some(pair);
            } else if is_default && default.is_none() {
                *default = Some(pair);
            }
        }
    };
    let mut is_default = false;
    while let Some(t) = tokens.next() {
        match t {
            "machine" => {
                finish(current.take(), is_default, &mut found, &mut default);
                is_default = false;
                let m = tokens.next().unwrap_or("").eq_ignore_ascii_case(host);
                current = Some((m, None, None));
            }
            "default" => {
                finish(current.take(), is_default, &mut found, &mut default);
                is_default = true;
                current = Some((false, None, None));
            }
            "login" => {
                if let Some(c) = current.as_mut() {
                    c.1 = tokens.next().map(str::to_string);
                }
            }
            "password" => {
                if let Some(c) = current.as_mut() {
                    c.2 = tokens.next().map(str::to_string);
                }
            }
            "account" => {
                tokens.next();
            }
            "macdef" => {
                // A macro runs to the next blank line; skip its name and stop at the next keyword.
                tokens.next();
            }
            _ => {}
        }
    }
    finish(current.take(), is_default, &mut found, &mut default);
    found.or(default)
}

fn netrc_credentials(host: &str) -> Option<(String, String)> {
    let path = std::env::var_os("NETRC").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".netrc")))?;
    let text = std::fs::read_to_string(path).ok()?;
    parse_netrc(&text, host)
}

/// Where a download goes: emptied again before a retry.
trait Rewind: std::io::Write {
    fn rewind(&mut self) -> std::io::Result<()>;
}

impl Rewind for Vec<u8> {
    fn rewind(&mut self) -> std::io::Result<()> {
        self.clear();
        Ok(())
    }
}

impl Rewind for std::fs::File {
    fn rewind(&mut self) -> std::io::Result<()> {
        use std::io::Seek;
        self.set_len(0)?;
        self.seek(std::io::SeekFrom::Start(0)).map(|_| ())
    }
}

/// METADATA from inside a wheel file.
pub fn wheel_metadata(path: &Path) -> Result<String, String> {
    // Buffered: the central directory is read in many small pieces.
    let file = std::io::BufReader::new(std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?);
    let mut z = zip::ZipArchive::new(file).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = (0..z.len())
        .filter_map(|i| z.name_for_index(i).and_then(|s| s.ok()).map(|s| s.to_string()))
        .find(|n| n.ends_with(".dist-info/METADATA") && n.matches('/').count() == 1)
        .ok_or_else(|| format!("{} has no METADATA", path.display()))?;
    let mut e = z.by_name(&name).map_err(|e| e.to_string())?;
    let mut s = String::new();
    e.read_to_string(&mut s).map_err(|e| e.to_string())?;
    Ok(s)
}

/// Requires-Dist values of a METADATA text.
pub fn requires_dist(metadata: &str) -> Vec<String> {
    metadata
        .lines()
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.strip_prefix("Requires-Dist:"))
        .map(|s| s.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_urls() {
        let page = r#"<html><body>
<a href="../../files/demo-1.0-py3-none-any.whl#sha256=abc" data-requires-python="&gt;=3.8">demo-1.0-py3-none-any.whl</a><br/>
<a href="https://cdn.example/demo-2.0.tar.gz" data-yanked="">demo-2.0.tar.gz</a>
<a data-core-metadata="sha256=x" href='/f/demo-3.0-py3-none-any.whl'>demo-3.0-py3-none-any.whl</a>
</body></html>"#;
        let files = parse_html("http://h:1/simple/demo/", page);
        assert_eq!(files.len(), 3);
        assert_eq!(files[0].url, "http://h:1/files/demo-1.0-py3-none-any.whl");
        assert_eq!(files[0].sha256.as_deref(), Some("abc"));
        assert_eq!(files[0].requires_python.as_deref(), Some(">=3.8"));
        assert!(!files[0].yanked && files[1].yanked);
        assert_eq!(files[2].url, "http://h:1/f/demo-3.0-py3-none-any.whl");
        assert!(files[2].has_metadata && !files[0].has_metadata);
    }

    #[test]
    fn credentials() {
        assert_eq!(split_userinfo("https://u%40x:p%3Aw@h:8/simple/"), ("https://h:8/simple/".to_string(), Some(("u@x".to_string(), "p:w".to_string()))));
        assert_eq!(split_userinfo("https://h/a@b"), ("https://h/a@b".to_string(), None));
        assert_eq!(host_of("http://u:p@Example.COM:8080/x"), "example.com");
        let rc = "machine other login a password b\nmachine example.com\n  login me\n  password secret\ndefault login anon password guest\n";
        assert_eq!(parse_netrc(rc, "example.com"), Some(("me".into(), "secret".into())));
        assert_eq!(parse_netrc(rc, "elsewhere"), Some(("anon".into(), "guest".into())));
        assert_eq!(parse_netrc("machine x login a password b", "y"), None);
        assert_eq!(basic_auth("me", "secret"), "Basic bWU6c2VjcmV0");
    }

    #[test]
    fn json_page() {
        let j = r#"{"meta": {"api-version": "1.0"}, "name": "demo", "files": [
            {"filename": "demo-1.0-py3-none-any.whl", "url": "f/demo-1.0-py3-none-any.whl", "hashes": {"sha256": "00"}, "requires-python": ">=3.7", "yanked": "broken", "core-metadata": {"sha256": "1"}}]}"#;
        let f = parse_json("http://h/simple/demo/", j).unwrap();
        assert_eq!(f[0].url, "http://h/simple/demo/f/demo-1.0-py3-none-any.whl");
        assert!(f[0].yanked && f[0].has_metadata);
        assert_eq!(f[0].sha256.as_deref(), Some("00"));
    }
}
