/// syn allocates a node per token; mimalloc makes parsing markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    ormlint::memory::disable_transparent_huge_pages();
    ormlint::run(std::env::args_os().collect()).into()
}
