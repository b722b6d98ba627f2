/* For the smoke test under wine only, never shipped: Debian 12's wine 8.0 lacks bcryptprimitives.dll,
 * which every Windows 10 has and which Rust-built extensions (pydantic_core) load for ProcessPrng,
 * their source of random bytes. This stand-in gives ProcessPrng from RtlGenRandom (advapi32's
 * SystemFunction036). installer/smoke.sh windows copies it into the test's wine prefix. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
