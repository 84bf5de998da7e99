// Pathname expansion against a scratch directory tree. Expectations were checked with dash
// and bash on the same tree; `.` and `..` follow bash 5.2 (never produced by a pattern).
#include <catch2/catch.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "shell/expand/glob.hpp"

using vsh::expand_pathname;
using Paths = std::vector<std::string>;

namespace {

void make_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    REQUIRE(fd >= 0);
    ::close(fd);
}

void make_dir(const std::string& path) {
    REQUIRE(::mkdir(path.c_str(), 0755) == 0);
}

void make_link(const std::string& target, const std::string& path) {
    REQUIRE(::symlink(target.c_str(), path.c_str()) == 0);
}

void remove_tree(const std::string& path) {
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        ::chmod(path.c_str(), 0755);
        if (DIR* dir = ::opendir(path.c_str())) {
            std::vector<std::string> names;
            while (const dirent* e = ::readdir(dir)) {
                std::string name = e->d_name;
                if (name != "." && name != "..") names.push_back(name);
            }
            ::closedir(dir);
            for (const std::string& name : names) remove_tree(path + "/" + name);
        }
        ::rmdir(path.c_str());
    } else {
        ::unlink(path.c_str());
    }
}

// A scratch tree, and the current directory moved into it for relative patterns:
//   a.txt b.txt c.log .hidden .dot.txt st*r plain
//   dir1/{x, y.txt, .h}   dir2/{x, sub/x}   q?dir/f   noread/secret (mode 000)
//   link_to_dir -> dir1   dangling -> missing
class ScratchTree {
  public:
    ScratchTree() {
        char templ[] = "/tmp/vsh-glob-test-XXXXXX";
        REQUIRE(::mkdtemp(templ) != nullptr);
        root_ = templ;
        char cwd[4096];
        REQUIRE(::getcwd(cwd, sizeof cwd) != nullptr);
        old_cwd_ = cwd;
        for (const char* f : {"a.txt", "b.txt", "c.log", ".hidden", ".dot.txt", "st*r", "plain"}) {
            make_file(root_ + "/" + f);
        }
        make_dir(root_ + "/dir1");
        make_file(root_ + "/dir1/x");
        make_file(root_ + "/dir1/y.txt");
        make_file(root_ + "/dir1/.h");
        make_dir(root_ + "/dir2");
        make_file(root_ + "/dir2/x");
        make_dir(root_ + "/dir2/sub");
        make_file(root_ + "/dir2/sub/x");
        make_dir(root_ + "/q?dir");
        make_file(root_ + "/q?dir/f");
        make_dir(root_ + "/noread");
        make_file(root_ + "/noread/secret");
        REQUIRE(::chmod((root_ + "/noread").c_str(), 0) == 0);
        make_link("dir1", root_ + "/link_to_dir");
        make_link("missing", root_ + "/dangling");
        REQUIRE(::chdir(root_.c_str()) == 0);
    }
    ~ScratchTree() {
        if (::chdir(old_cwd_.c_str()) != 0) std::abort();
        remove_tree(root_);
    }
    ScratchTree(const ScratchTree&) = delete;
    ScratchTree& operator=(const ScratchTree&) = delete;

    const std::string& root() const { return root_; }

    // Root ignores permissions, so "unreadable" directories can only be tested as a user.
    bool noread_is_unreadable() const {
        DIR* dir = ::opendir((root_ + "/noread").c_str());
        if (dir != nullptr) ::closedir(dir);
        return dir == nullptr;
    }

  private:
    std::string root_;
    std::string old_cwd_;
};

}  // namespace

TEST_CASE("glob: simple patterns in the current directory", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname("*.txt") == Paths{"a.txt", "b.txt"});
    CHECK(expand_pathname("?.log") == Paths{"c.log"});
    CHECK(expand_pathname("[ab].txt") == Paths{"a.txt", "b.txt"});
    CHECK(expand_pathname("[!a].txt") == Paths{"b.txt"});
    CHECK(expand_pathname("dir[12]") == Paths{"dir1", "dir2"});
    CHECK(expand_pathname("*") == Paths{"a.txt", "b.txt", "c.log", "dangling", "dir1", "dir2",
                                        "link_to_dir", "noread", "plain", "q?dir", "st*r"});
}

TEST_CASE("glob: no match gives an empty list", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname("*.none").empty());
    CHECK(expand_pathname("missing/*").empty());
    CHECK(expand_pathname("plain/*").empty());  // Not a directory.
    CHECK(expand_pathname("*.txt/").empty());   // Files are not directories.
    CHECK(expand_pathname("dir1/*/x").empty());
}

TEST_CASE("glob: words without active pattern characters are not expanded", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname("plain").empty());
    CHECK(expand_pathname("st\\*r").empty());  // The caller keeps (and unquotes) the word.
    CHECK(expand_pathname("[ab").empty());
}

TEST_CASE("glob: leading periods must be matched explicitly", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname(".*") == Paths{".dot.txt", ".hidden"});  // Never `.` or `..`.
    CHECK(expand_pathname(".?").empty());
    CHECK(expand_pathname("*txt") == Paths{"a.txt", "b.txt"});
    CHECK(expand_pathname("?hidden").empty());
    CHECK(expand_pathname("[.]hidden").empty());
    CHECK(expand_pathname("\\.h*") == Paths{".hidden"});
    CHECK(expand_pathname("dir1/*") == Paths{"dir1/x", "dir1/y.txt"});
    CHECK(expand_pathname("dir1/.*") == Paths{"dir1/.h"});
    CHECK(expand_pathname("*/.h") == Paths{"dir1/.h", "link_to_dir/.h"});
}

TEST_CASE("glob: literal . and .. components stay", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname("./*.log") == Paths{"./c.log"});
    CHECK(expand_pathname("dir2/../*.log") == Paths{"dir2/../c.log"});
    CHECK(expand_pathname("d*/..") == Paths{"dir1/..", "dir2/.."});
}

TEST_CASE("glob: patterns in several components", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname("*/x") == Paths{"dir1/x", "dir2/x", "link_to_dir/x"});
    CHECK(expand_pathname("dir*/*.txt") == Paths{"dir1/y.txt"});
    CHECK(expand_pathname("dir2/*/x") == Paths{"dir2/sub/x"});
    CHECK(expand_pathname("*/*/x") == Paths{"dir2/sub/x"});
    CHECK(expand_pathname("*/sub") == Paths{"dir2/sub"});
    CHECK(expand_pathname("dir1//*.txt") == Paths{"dir1//y.txt"});  // Slashes kept as written.
}

TEST_CASE("glob: a trailing slash matches directories only", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname("*/") == Paths{"dir1/", "dir2/", "link_to_dir/", "noread/", "q?dir/"});
    CHECK(expand_pathname("dir2/*/") == Paths{"dir2/sub/"});
    CHECK(expand_pathname("d*/") == Paths{"dir1/", "dir2/"});  // Not the dangling link.
}

TEST_CASE("glob: symbolic links", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname("link*/y*") == Paths{"link_to_dir/y.txt"});  // Followed.
    CHECK(expand_pathname("dang*") == Paths{"dangling"});              // Listed even when dangling.
    CHECK(expand_pathname("dangling/*").empty());
}

TEST_CASE("glob: quoted pattern characters", "[glob]") {
    ScratchTree tree;
    CHECK(expand_pathname("st\\**") == Paths{"st*r"});
    CHECK(expand_pathname("st[*]r") == Paths{"st*r"});
    CHECK(expand_pathname("q\\?dir/*") == Paths{"q?dir/f"});  // In the directory part.
    CHECK(expand_pathname("q?dir/*") == Paths{"q?dir/f"});
    CHECK(expand_pathname("\\*").empty());
}

TEST_CASE("glob: a '/' inside brackets makes the '[' literal", "[glob]") {
    ScratchTree tree;
    // POSIX 2.14.3: `dir[1/]x` is the components "dir[1" and "]x", both literal.
    CHECK(expand_pathname("dir[1/]x").empty());
    CHECK(expand_pathname("*[/]x").empty());
}

TEST_CASE("glob: absolute patterns", "[glob]") {
    ScratchTree tree;
    const std::string& root = tree.root();
    CHECK(expand_pathname(root + "/*.log") == Paths{root + "/c.log"});
    CHECK(expand_pathname(root + "/dir?/x") == Paths{root + "/dir1/x", root + "/dir2/x"});
    // The root directory itself.
    const Paths tmp = expand_pathname("/tm?");
    CHECK(tmp == Paths{"/tmp"});
}

TEST_CASE("glob: unreadable directories yield nothing", "[glob]") {
    ScratchTree tree;
    if (!tree.noread_is_unreadable()) {
        WARN("running with privileges that ignore permissions; skipped");
        return;
    }
    CHECK(expand_pathname("noread/*").empty());
    CHECK(expand_pathname("*/secret").empty());
}
