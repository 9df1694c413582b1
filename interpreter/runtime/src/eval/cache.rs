//! Inline caches: the words after an instruction that the interpreter fills
//! in while running. A 64-bit entry spans two 32-bit words, so it is read
//! and written unaligned.

/// Reads the 64-bit cache entry at `p` (two instruction words).
#[inline(always)]
pub unsafe fn read_u64(p: *const u32) -> u64 {
    std::ptr::read_unaligned(p as *const u64)
}

/// Writes the 64-bit cache entry at `p` (two instruction words).
#[inline(always)]
pub unsafe fn write_u64(p: *mut u32, v: u64) {
    std::ptr::write_unaligned(p as *mut u64, v)
}
