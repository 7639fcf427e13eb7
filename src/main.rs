fn main() -> std::process::ExitCode {
    ormlint::run(std::env::args_os().collect()).into()
}
