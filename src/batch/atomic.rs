//! Atomic writes: a temporary file in the same folder, then a rename, so an
//! interrupted run never leaves half a page; and the clean-up of the temporary files a
//! killed run left.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a
/// rename over `path`, so a reader (or a killed run) never sees half a page. It does
/// not fsync: atomic against a killed process, not against a power cut (an fsync per
/// page would cost more than processing it). Creates missing parent folders. The file
/// gets the mode a new file gets under the user's umask (`0666 & !umask`, 0644 under
/// the usual 022), as `File::create` gives, not the temporary file's private 0600.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |e: io::Error| Error::from(e).with_path(path);
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
/// path.
pub fn writable_folder(out: &Path) -> Result<()> {
    let io = |e: io::Error| Error::from(e).with_path(out);
    fs::create_dir_all(out).map_err(io)?;
    tempfile::Builder::new().prefix(TMP_PREFIX).suffix(".tmp").tempfile_in(out).map_err(io)?;
    Ok(())
}

/// Prefix of the temporary files [`write_atomic`] writes before renaming.
const TMP_PREFIX: &str = ".banmian-";

/// Removes temporary files left under `out` by a run that was killed before it could
/// rename them (a killed process runs no destructors). Returns how many were removed.
pub fn remove_stale_temporaries(out: &Path) -> usize {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.file_name().to_str().is_some_and(|n| n.starts_with(TMP_PREFIX) && n.ends_with(".tmp")))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}
