//! Where the archive is: a connection string (`postgres://…` or
//! `host=… dbname=…`), else the usual `PG*` environment variables, with
//! libpq's defaults for what neither says.

use std::path::Path;

use postgres::Config;

use super::ArchiveError;

/// The variables libpq reads, and what each sets.
const VARIABLES: [&str; 7] = [
    "PGHOST",
    "PGPORT",
    "PGUSER",
    "PGPASSWORD",
    "PGDATABASE",
    "PGAPPNAME",
    "PGCONNECT_TIMEOUT",
];

/// The connection settings for `target` (a connection string, or none),
/// completed from `env` (the `PG*` variables) and libpq's defaults: the
/// local socket folder (or localhost), your login name as the user, a
/// database named as the user.
pub fn config(
    target: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Config, ArchiveError> {
    refuse_tls(target, env)?;
    let mut config = match target {
        Some(text) => text
            .parse::<Config>()
            .map_err(|error| ArchiveError::Address(error.to_string()))?,
        None => Config::new(),
    };
    let var = |name: &str| env(name).filter(|value| !value.is_empty());
    debug_assert!(VARIABLES.iter().all(|name| name.starts_with("PG")));
    if config.get_hosts().is_empty() {
        match var("PGHOST") {
            Some(hosts) => {
                for host in hosts.split(',') {
                    config.host(host);
                }
            }
            None if Path::new(SOCKET_FOLDER).is_dir() => {
                config.host_path(SOCKET_FOLDER);
            }
            None => {
                config.host("localhost");
            }
        }
    }
    if config.get_ports().is_empty()
        && let Some(port) = var("PGPORT")
    {
        let port = port
            .parse::<u16>()
            .map_err(|_| ArchiveError::Address(format!("PGPORT={port}: not a port number")))?;
        config.port(port);
    }
    if config.get_user().is_none() {
        let user = var("PGUSER")
            .or_else(|| var("USER"))
            .or_else(|| var("LOGNAME"))
            .ok_or_else(|| ArchiveError::Address("no user: set PGUSER".into()))?;
        config.user(&user);
    }
    if config.get_password().is_none()
        && let Some(password) = var("PGPASSWORD")
    {
        config.password(password);
    }
    if config.get_dbname().is_none() {
        let database = var("PGDATABASE").or_else(|| config.get_user().map(str::to_string));
        if let Some(database) = database {
            config.dbname(&database);
        }
    }
    if config.get_application_name().is_none() {
        config.application_name(&var("PGAPPNAME").unwrap_or_else(|| "gavel".into()));
    }
    if config.get_connect_timeout().is_none() {
        let seconds = var("PGCONNECT_TIMEOUT").and_then(|s| s.parse::<u64>().ok());
        config.connect_timeout(std::time::Duration::from_secs(seconds.unwrap_or(10)));
    }
    Ok(config)
}

/// Where Debian's server puts its socket.
const SOCKET_FOLDER: &str = "/var/run/postgresql";

/// This build speaks to the server without TLS (the local socket, the
/// province's network, or an SSH tunnel): a connection that asks for TLS is
/// refused rather than quietly made in clear.
fn refuse_tls(
    target: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(), ArchiveError> {
    let from_target = target.and_then(|text| {
        text.split(['?', '&', ' '])
            .find_map(|part| part.strip_prefix("sslmode="))
            .map(str::to_string)
    });
    let mode = from_target.or_else(|| env("PGSSLMODE"));
    match mode.as_deref() {
        None | Some("" | "disable" | "allow" | "prefer") => Ok(()),
        Some(mode) => Err(ArchiveError::Tls(mode.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use postgres::config::Host;

    fn env_of(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_pg_variables_fill_in_what_the_string_leaves_out() {
        let env = env_of(&[
            ("PGHOST", "archive.so-khcn.local"),
            ("PGPORT", "5433"),
            ("PGUSER", "lan"),
            ("PGDATABASE", "doi_thoai"),
        ]);
        let config = config(None, &env).unwrap();
        assert_eq!(
            config.get_hosts(),
            [Host::Tcp("archive.so-khcn.local".into())]
        );
        assert_eq!(config.get_ports(), [5433]);
        assert_eq!(config.get_user(), Some("lan"));
        assert_eq!(config.get_dbname(), Some("doi_thoai"));
        // The string outranks the variables.
        let config = config_of("postgres://minh@db.tinh.local/luu_tru", &env);
        assert_eq!(config.get_hosts(), [Host::Tcp("db.tinh.local".into())]);
        assert_eq!(config.get_user(), Some("minh"));
        assert_eq!(config.get_dbname(), Some("luu_tru"));
        // A string's host comes with its port: 5432 unless it says another.
        assert_eq!(config.get_ports(), [5432]);
    }

    fn config_of(text: &str, env: &dyn Fn(&str) -> Option<String>) -> Config {
        config(Some(text), env).unwrap()
    }

    #[test]
    fn the_database_defaults_to_the_user_and_the_user_to_the_login() {
        let env = env_of(&[("USER", "hoa"), ("PGHOST", "/tmp/sock")]);
        let config = config(None, &env).unwrap();
        assert_eq!(config.get_user(), Some("hoa"));
        assert_eq!(config.get_dbname(), Some("hoa"));
        assert_eq!(config.get_hosts(), [Host::Unix("/tmp/sock".into())]);
    }

    #[test]
    fn tls_asked_for_is_refused_and_a_bad_string_is_an_error() {
        let env = env_of(&[("USER", "hoa"), ("PGSSLMODE", "require")]);
        assert!(matches!(config(None, &env), Err(ArchiveError::Tls(_))));
        let env = env_of(&[("USER", "hoa")]);
        assert!(matches!(
            config(Some("postgres://h/db?sslmode=verify-full"), &env),
            Err(ArchiveError::Tls(_))
        ));
        assert!(matches!(
            config(Some("postgres://h:notaport/db"), &env),
            Err(ArchiveError::Address(_))
        ));
    }
}
