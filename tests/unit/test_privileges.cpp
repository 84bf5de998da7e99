// A setuid vsh gives up its owner's rights unless started with -p (as dash and bash), and
// never runs $ENV. Needs root (to make a setuid-root copy and run it as nobody); CI runs as
// root.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::string run(const std::string& command) {
    std::string output;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
        pclose(pipe);
    }
    return output;
}

}  // namespace

TEST_CASE("a setuid vsh drops to the real ids unless -p, and never reads $ENV", "[privileges]") {
    if (geteuid() != 0 || std::system("command -v setpriv >/dev/null 2>&1") != 0) {
        WARN("not root (or no setpriv): the setuid checks need a setuid-root copy of vsh");
        return;
    }
    char pattern[] = "/tmp/vsh-suid-XXXXXX";
    REQUIRE(mkdtemp(pattern) != nullptr);
    const std::string dir = pattern;
    chmod(dir.c_str(), 0755);
    const std::string copy = dir + "/vsh";
    REQUIRE(std::system(("cp " VSH_BINARY " " + copy + " && chmod 4755 " + copy).c_str()) == 0);
    const std::string marker = dir + "/env-ran";
    const std::string env_file = dir + "/env.sh";
    REQUIRE(
        std::system(("echo 'echo ran >" + marker + "' >" + env_file + " && chmod 644 " + env_file)
                        .c_str()) == 0);
    const std::string as_nobody =
        "cd / && ENV=" + env_file + " setpriv --reuid=65534 --regid=65534 --clear-groups " + copy;

    CHECK(run(as_nobody + " -c 'echo \"$(id -u) $(id -ru)\"'") == "65534 65534\n");
    CHECK(run(as_nobody + " -p -c 'echo \"$(id -u) $(id -ru)\"; set +p; id -u'") ==
          "0 65534\n65534\n");
    // An interactive shell would run $ENV; a setuid one must not, with or without -p.
    (void)run(as_nobody + " -i -c : 2>/dev/null");
    (void)run(as_nobody + " -p -i -c : 2>/dev/null");
    CHECK(access(marker.c_str(), F_OK) != 0);
    REQUIRE(std::system(("rm -rf " + dir).c_str()) == 0);
}
