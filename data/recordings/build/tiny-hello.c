/* A small non-Go ELF for golab's binary reader (no Go build info, dynamic, with .symtab); see data/README.md. */
#include <stdio.h>

int main(void) {
    puts("hello");
    return 0;
}
