//! Writing files so that an interrupted run leaves every file either old or
//! new: a temporary file in the same directory, then a rename.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` atomically, keeping an existing file's permissions.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(path, contents, |file, bytes| file.write_all(bytes))
}

/// As [`write_atomic`], with the writing step given (tests use it to fail midway).
pub fn write_atomic_with<F>(path: &Path, contents: &[u8], write: F) -> io::Result<()>
where
    F: FnOnce(&mut fs::File, &[u8]) -> io::Result<()>,
{
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(io::Error::new(io::ErrorKind::NotFound, format!("directory {} does not exist", dir.display())));
    }
    if path.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, format!("{} is a directory", path.display())));
    }
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let (tmp_path, mut file) = create_temp(&dir, &name)?;
    let result = (|| {
        write(&mut file, contents)?;
        file.sync_all()?;
        if let Some(p) = permissions {
            fs::set_permissions(&tmp_path, p)?;
        }
        drop(file);
        fs::rename(&tmp_path, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp_path);
    }
    result
}

fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let pid = std::process::id();
    for attempt in 0..100u32 {
        let candidate = dir.join(format!(".{name}.{pid}.{attempt}.tmp"));
        match fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
            Ok(f) => return Ok((candidate, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "could not create a temporary file"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory, removed with its files when dropped.
    fn temp_dir(tag: &str) -> tempfile::TempDir {
        tempfile::Builder::new().prefix(&format!("qingdan-io-{tag}-")).tempdir().unwrap()
    }

    #[test]
    fn replaces_the_file() {
        let d = temp_dir("replace");
        let p = d.path().join("a.yaml");
        fs::write(&p, "old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn a_failed_write_leaves_the_original() {
        let d = temp_dir("fail");
        let p = d.path().join("a.yaml");
        fs::write(&p, "original").unwrap();
        let err = write_atomic_with(&p, b"new contents", |f, bytes| {
            f.write_all(&bytes[..3])?;
            Err(io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "original");
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn missing_directory_is_an_error() {
        let d = temp_dir("missing");
        assert!(write_atomic(&d.path().join("no/such/dir/a.yaml"), b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let d = temp_dir("perm");
        let p = d.path().join("a.yaml");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o640);
    }
}
