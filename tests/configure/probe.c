/* The program the probe's Makefile builds; it only proves config.h is usable. */
#include "config.h"

#include <stdio.h>

int main(void) {
    printf("%s from %s\n", GREETING, PACKAGE_STRING);
    return 0;
}
