//! Process-wide memory settings, applied by the binaries before any work.

/// Turn transparent huge pages off for this process.
///
/// The per-file stage allocates a syntax tree, keeps a few facts and frees the
/// rest, file after file. With huge pages on, mimalloc asks for them, and every
/// fresh 2 MiB of heap is a 2 MiB page the kernel must zero: on the
/// 10,000-entity benchmark corpus that was a second of kernel time out of
/// eight, and 5 to 35% more peak memory. Small pages are zeroed only as used.
pub fn disable_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes
    // nothing but this process's page-fault policy; failure leaves the default.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
