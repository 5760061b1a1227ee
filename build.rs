//! Finds the shared folder the tests that need data outside the repository read
//! (`../shared`: the contract, the gold checker, the real pages; see the README):
//! `$BANMIAN_SHARED` when set, else `../shared` next to the repository. When it exists
//! the build sets the cfg `banmian_shared`, and tests that need it run; when it does
//! not they are ignored with the reason (`cargo test` lists them as ignored, never as
//! passed). `BANMIAN_SHARED_DIR` is the folder's path for `env!`. The check runs again
//! when `BANMIAN_SHARED` changes; a shared folder put in place after a first build is
//! seen after `touch build.rs` (or with `BANMIAN_SHARED` set).

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(banmian_shared)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=BANMIAN_SHARED");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let shared = std::env::var_os("BANMIAN_SHARED").map_or_else(|| manifest.join("../shared"), PathBuf::from);
    if shared.is_dir() {
        println!("cargo::rustc-cfg=banmian_shared");
        println!("cargo::rerun-if-changed={}", shared.join("CONTRACT.md").display());
    }
    println!("cargo::rustc-env=BANMIAN_SHARED_DIR={}", shared.display());
}
