//! The `banmian` command: parses arguments, picks the input mode, prints. All the
//! work is in the library; see `banmian --help` and the README.

mod cli;
mod view;

fn main() {
    std::process::exit(cli::run());
}
