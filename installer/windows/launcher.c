/* chibo.exe (the window) and chibo-console.exe (its console twin, for commands and diagnosis).
 *
 * Runs CPython from the app\ folder beside it inside this very process, as `python -m chibo
 * ARGS`: Windows then shows chibo's own icon on the taskbar, Task Manager says "chibo", and a
 * button pinned to the taskbar starts chibo again (a shortcut to pythonw.exe would pin Python).
 * app\python311._pth gives Python its path and makes it ignore PYTHONPATH, PYTHONHOME and any
 * other Python on the PC. `-X utf8` keeps Vietnamese intact when a command's output is
 * redirected to a file (the console itself is Unicode either way); `-P` keeps the working folder
 * out of the path.
 *
 * Built by installer/windows/build.py with MinGW-w64 (PYTHON_DLL is defined there). */
#define WIN32_LEAN_AND_MEAN
#ifndef UNICODE /* -municode defines both */
#define UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#ifndef PYTHON_DLL
#error "PYTHON_DLL must name the embedded CPython's DLL, e.g. L\"python311.dll\""
#endif

typedef int (*py_main_t)(int, wchar_t **);

static const wchar_t *const FIXED_ARGS[] = {L"-X", L"utf8", L"-P", L"-m", L"chibo"};
#define FIXED_COUNT (sizeof FIXED_ARGS / sizeof FIXED_ARGS[0])

static void refuse(const wchar_t *message)
{
#ifdef CHIBO_CONSOLE
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    DWORD written;
    if (err != INVALID_HANDLE_VALUE && WriteConsoleW(err, message, (DWORD)wcslen(message), &written, NULL))
        return;
#endif
    MessageBoxW(NULL, message, L"chibo", MB_ICONERROR | MB_OK);
}

static int launch(void)
{
    wchar_t folder[32768], app[32768], dll[32768];
    DWORD length = GetModuleFileNameW(NULL, folder, 32768);
    if (length == 0 || length >= 32768) {
        refuse(L"chibo không xác định được thư mục của mình. Hãy cài lại chibo.\n");
        return 1;
    }
    wchar_t *slash = wcsrchr(folder, L'\\');
    if (slash)
        *slash = L'\0';
    _snwprintf(app, 32768, L"%ls\\app", folder);
    app[32767] = L'\0';

    /* python3.dll first: the PySide6 modules (abi3) load it by name; app\ for the DLLs Python's own
       extension modules need. */
    SetDllDirectoryW(app);
    _snwprintf(dll, 32768, L"%ls\\python3.dll", app);
    dll[32767] = L'\0';
    LoadLibraryExW(dll, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    _snwprintf(dll, 32768, L"%ls\\%ls", app, PYTHON_DLL);
    dll[32767] = L'\0';
    HMODULE python = LoadLibraryExW(dll, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    py_main_t py_main = python ? (py_main_t)(void (*)(void))GetProcAddress(python, "Py_Main") : NULL;
    if (!py_main) {
        wchar_t message[33000];
        _snwprintf(message, 33000, L"Không mở được Python của chibo (%ls, lỗi %lu). Thư mục cài đặt thiếu tệp: "
                   L"hãy cài lại chibo (dữ liệu của chi bộ không bị ảnh hưởng).\n", dll, GetLastError());
        message[32999] = L'\0';
        refuse(message);
        return 1;
    }

    int argc = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    if (!argv)
        return 1;
    wchar_t **args = calloc((size_t)argc + FIXED_COUNT + 1, sizeof *args);
    if (!args)
        return 1;
    int count = 0;
    args[count++] = argv[0];
    for (size_t i = 0; i < FIXED_COUNT; i++)
        args[count++] = (wchar_t *)FIXED_ARGS[i];
    for (int i = 1; i < argc; i++)
        args[count++] = argv[i];
    args[count] = NULL;
    return py_main(count, args);
}

#ifdef CHIBO_CONSOLE
int wmain(int argc, wchar_t **argv)
{
    (void)argc; /* the whole command line is read again, with argv[0] as Windows gave it */
    (void)argv;
    return launch();
}
#else
int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command_line, int show)
{
    (void)instance;
    (void)previous;
    (void)command_line;
    (void)show;
    return launch();
}
#endif
