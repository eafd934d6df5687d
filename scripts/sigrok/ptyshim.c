/* LD_PRELOAD shim letting libserialport open a pseudo-terminal (test use only):
 * /sys/class/tty/<pts number> is answered as /sys/class/tty/ptmx, and modem-line ioctls that a
 * pty refuses succeed with all lines low. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

static const char *fix(const char *path, char *buf, size_t n) {
    const char *p = "/sys/class/tty/pts/";
    size_t l = strlen(p);
    if (path && strncmp(path, p, l) == 0 && isdigit((unsigned char)path[l])) {
        const char *rest = path + l;
        while (isdigit((unsigned char)*rest)) rest++;
        snprintf(buf, n, "/sys/class/tty/ptmx%s", rest);
        return buf;
    }
    return path;
}

int lstat(const char *path, struct stat *st) {
    static int (*real)(const char *, struct stat *);
    char buf[256];
    if (!real) real = dlsym(RTLD_NEXT, "lstat");
    return real(fix(path, buf, sizeof buf), st);
}

int stat(const char *path, struct stat *st) {
    static int (*real)(const char *, struct stat *);
    char buf[256];
    if (!real) real = dlsym(RTLD_NEXT, "stat");
    return real(fix(path, buf, sizeof buf), st);
}

ssize_t readlink(const char *path, char *out, size_t n) {
    static ssize_t (*real)(const char *, char *, size_t);
    char buf[256];
    if (!real) real = dlsym(RTLD_NEXT, "readlink");
    return real(fix(path, buf, sizeof buf), out, n);
}

int ioctl(int fd, unsigned long req, ...) {
    static int (*real)(int, unsigned long, ...);
    va_list ap;
    void *arg;
    int r;
    if (!real) real = dlsym(RTLD_NEXT, "ioctl");
    va_start(ap, req);
    arg = va_arg(ap, void *);
    va_end(ap);
    r = real(fd, req, arg);
    if (r == -1 && (errno == ENOTTY || errno == EINVAL)) {
        if (req == TIOCMGET) { *(int *)arg = 0; return 0; }
        if (req == TIOCMSET || req == TIOCMBIS || req == TIOCMBIC) return 0;
    }
    return r;
}

int __lxstat(int ver, const char *path, struct stat *st) {
    static int (*real)(int, const char *, struct stat *);
    char buf[256];
    if (!real) real = dlsym(RTLD_NEXT, "__lxstat");
    return real(ver, fix(path, buf, sizeof buf), st);
}
