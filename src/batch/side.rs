//! Which side of a run an I/O error is on: every I/O error a run reports names its path
//! and says whether banmian could not read an input or could not write an output (a
//! new user could not tell, from `out/x.json: Permission denied`, which one failed).

use std::fs;
use std::io;
use std::path::Path;

use crate::error::Error;

/// An error reading the input at `path`: `<path>: cannot read the input: <cause>`, with
/// `(a broken link to <target>)` when `path` is a symbolic link whose target is
/// missing. Keeps the [`io::ErrorKind`] of `e`.
pub fn input(path: &Path, e: io::Error) -> Error {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) && fs::metadata(path).is_err();
    let what = match fs::read_link(path) {
        Ok(target) if link => format!("cannot read the input (a broken link to {})", target.display()),
        _ => "cannot read the input".to_string(),
    };
    Error::from(io::Error::new(e.kind(), format!("{what}: {e}"))).with_path(path)
}

/// An error writing the output at `path`: `<path>: cannot write the output: <cause>`.
/// Keeps the [`io::ErrorKind`] of `e`.
pub fn output(path: &Path, e: io::Error) -> Error {
    Error::from(io::Error::new(e.kind(), format!("cannot write the output: {e}"))).with_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_side_is_named_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("01.txt");
        let e = input(&missing, fs::read(&missing).unwrap_err());
        assert_eq!(e.to_string(), format!("{}: cannot read the input: No such file or directory (os error 2)", missing.display()));
        let out = dir.path().join("01.txt.json");
        let e = output(&out, io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(e.to_string(), format!("{}: cannot write the output: permission denied", out.display()));
        #[cfg(unix)]
        {
            let link = dir.path().join("02.txt");
            std::os::unix::fs::symlink("/nonexistent/02.txt", &link).unwrap();
            let e = input(&link, fs::read(&link).unwrap_err());
            assert!(e.to_string().contains("cannot read the input (a broken link to /nonexistent/02.txt): No such file"), "{e}");
        }
    }
}
