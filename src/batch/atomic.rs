//! Atomic writes: a temporary file in the same folder, then a rename, so an
//! interrupted run never leaves half a page; and the clean-up of the temporary files a
//! killed run left.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::side;
use crate::error::Result;

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a
/// rename over `path`, so a reader (or a killed run) never sees half a page. It does
/// not fsync: atomic against a killed process, not against a power cut (an fsync per
/// page would cost more than processing it). Creates missing parent folders. The file
/// gets the mode a new file gets under the user's umask (`0666 & !umask`, 0644 under
/// the usual 022), as `File::create` gives, not the temporary file's private 0600.
/// Errors: [`crate::ErrorKind::Io`] naming `path` as the output
/// (`<path>: cannot write the output: …`).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |e: io::Error| side::output(path, e);
    fs::create_dir_all(dir).map_err(io)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TMP_PREFIX).suffix(".tmp");
    // The mode `open(2)` is asked for; the kernel takes the umask off it.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(NEW_FILE_MODE));
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// The mode a new file is created with before the umask, as `File::create` asks (Unix).
#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o666;

/// Makes sure files can be written in the folder `out`: creates it (and missing
/// parents) and writes and removes a temporary file there, so a run that could not
/// write its outputs fails before any work. Errors: [`crate::ErrorKind::Io`] with the
/// path, as the output.
pub fn writable_folder(out: &Path) -> Result<()> {
    let io = |e: io::Error| side::output(out, e);
    fs::create_dir_all(out).map_err(io)?;
    tempfile::Builder::new().prefix(TMP_PREFIX).suffix(".tmp").tempfile_in(out).map_err(io)?;
    Ok(())
}

/// Prefix of the temporary files [`write_atomic`] writes before renaming: their names
/// are `.banmian-XXXXXX.tmp`, `XXXXXX` being [`TMP_RANDOM`] random ASCII letters and
/// digits (the `tempfile` crate's default).
const TMP_PREFIX: &str = ".banmian-";

/// How many random characters `tempfile` puts between the prefix and `.tmp` (its
/// default, `tempfile::Builder::rand_bytes`).
const TMP_RANDOM: usize = 6;

/// True when `name` is one banmian's atomic writes use for their temporary file:
/// `.banmian-` + six ASCII letters or digits + `.tmp`, nothing else.
fn is_own_temporary(name: &str) -> bool {
    name.strip_prefix(TMP_PREFIX)
        .and_then(|n| n.strip_suffix(".tmp"))
        .is_some_and(|r| r.len() == TMP_RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes the temporary files left under `out` by a run that was killed before it
/// could rename them (a killed process runs no destructors): regular files named as
/// [`write_atomic`] names them (`.banmian-XXXXXX.tmp`) and nothing else. Returns how
/// many were removed. (Another run writing to the same `out` at the same time would
/// lose its file in flight: one run per output folder.)
pub fn remove_stale_temporaries(out: &Path) -> usize {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.file_name().to_str().is_some_and(is_own_temporary))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_banmians_own_temporaries_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("2021");
        fs::create_dir_all(&sub).unwrap();
        // What a killed write leaves: the temporary file of write_atomic's own builder.
        let left = tempfile::Builder::new().prefix(TMP_PREFIX).suffix(".tmp").tempfile_in(&sub).unwrap().keep().unwrap().1;
        let theirs = [".banmian-notes.tmp", ".banmian-abc.tmp", "banmian-abcdef.tmp", ".banmian-abcdef.tmp.bak", "x.tmp"];
        for n in theirs {
            fs::write(sub.join(n), "a user's file").unwrap();
        }
        assert_eq!(remove_stale_temporaries(dir.path()), 1);
        assert!(!left.exists());
        for n in theirs {
            assert!(sub.join(n).exists(), "{n} is not banmian's");
        }
    }
}
