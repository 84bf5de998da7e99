#include "tests/spec_runner/run_case.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/spec_runner/boost_process_prelude.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/process/v2.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <vector>

namespace vsh::spec {
namespace asio = boost::asio;
namespace bp = boost::process::v2;

namespace {

// Enough for any sensible case; a runaway writer stops being read and then times out.
constexpr std::size_t kMaxCapturedBytes = 1 << 20;

// Child-side set-up, run between fork and exec: only async-signal-safe calls.  The shell
// leads a new process group (so the whole job tree can be killed) and starts with default
// signal handling and an empty mask, whatever the runner's threads had.
//
// It also marks every descriptor above 2 close-on-exec: Boost 1.81's close_all() skips the
// gap between stdio and its error pipe, so descriptors the other worker thread had open
// (another case's pipes) would leak into the shell under test.  The error pipe is already
// close-on-exec, so exec-failure reporting still works.
struct StartCleanInOwnGroup {
    bp::error_code on_exec_setup(bp::posix::default_launcher&, const bp::filesystem::path&,
                                 const char* const*) {
        ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
        ::setpgid(0, 0);
        for (int sig = 1; sig < NSIG; ++sig) ::signal(sig, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        return {};
    }
};

// A scratch directory removed with everything in it when the case is done.
class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern = std::filesystem::temp_directory_path() / "vsh-spec-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        root_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        // A case may leave unreadable directories behind (chmod tests); make them removable.
        std::filesystem::permissions(root_, std::filesystem::perms::owner_all, ignored);
        for (auto it = std::filesystem::recursive_directory_iterator(root_, ignored);
             it != std::filesystem::recursive_directory_iterator(); it.increment(ignored)) {
            if (it->is_directory(ignored) && !it->is_symlink(ignored))
                std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                             std::filesystem::perm_options::add, ignored);
        }
        std::filesystem::remove_all(root_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return root_; }

  private:
    std::filesystem::path root_;
};

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

int status_as_shell_reports(int native_status) {
    if (WIFEXITED(native_status)) return WEXITSTATUS(native_status);
    if (WIFSIGNALED(native_status)) return 128 + WTERMSIG(native_status);
    return -1;
}

}  // namespace

CaseOutcome run_case(const SpecCase& spec, const RunOptions& options) {
    CaseOutcome outcome;
    ScratchDir scratch;
    // The script and its stdin live beside, not inside, the working directory, so globbing
    // `*` in the case sees only the files the case made.
    const auto script_path = scratch.path() / "case.sh";
    const auto stdin_path = scratch.path() / "stdin";
    const auto work_dir = scratch.path() / "work";
    std::filesystem::create_directory(work_dir);
    write_file(script_path, spec.script);
    write_file(stdin_path, spec.stdin_text);

    std::vector<std::string> environment = {
        "PATH=/usr/bin:/bin",
        "HOME=" + work_dir.string(),
        "LC_ALL=C",
        "TMPDIR=" + scratch.path().string(),
        "TEST_SHELL=" + options.shell,
    };
    if (options.backend) environment.push_back("VSH_BACKEND=" + *options.backend);

    asio::io_context context;
    asio::readable_pipe stdout_pipe(context);
    asio::readable_pipe stderr_pipe(context);
    asio::steady_timer deadline(context, options.timeout);

    const std::vector<std::string> arguments = {script_path.string()};
    bp::process shell(context, options.shell, arguments,
                      bp::process_stdio{stdin_path, stdout_pipe, stderr_pipe},
                      bp::process_environment(environment), bp::process_start_dir(work_dir),
                      StartCleanInOwnGroup{});
    const pid_t group = shell.id();

    int open_streams = 2;
    bool exited = false;
    auto maybe_finish = [&] {
        if (exited && open_streams == 0) deadline.cancel();
    };
    auto on_stream_done = [&](bp::error_code, std::size_t) {
        --open_streams;
        maybe_finish();
    };
    asio::async_read(stdout_pipe, asio::dynamic_buffer(outcome.stdout_text, kMaxCapturedBytes),
                     on_stream_done);
    asio::async_read(stderr_pipe, asio::dynamic_buffer(outcome.stderr_text, kMaxCapturedBytes),
                     on_stream_done);
    shell.async_wait([&](bp::error_code, int) {
        exited = true;
        outcome.status = status_as_shell_reports(shell.native_exit_code());
        // Background jobs the case left running would hold the pipes open; they are not part
        // of the expected output.
        ::kill(-group, SIGKILL);
        maybe_finish();
    });
    deadline.async_wait([&](bp::error_code error) {
        if (error) return;  // cancelled: everything finished in time
        outcome.ending = CaseOutcome::Ending::TimedOut;
        ::kill(-group, SIGKILL);
        bp::error_code ignored;
        stdout_pipe.close(ignored);
        stderr_pipe.close(ignored);
    });
    context.run();
    return outcome;
}

bool outcome_matches(const SpecCase& spec, const CaseOutcome& outcome) {
    if (outcome.ending != CaseOutcome::Ending::Exited) return false;
    if (outcome.stdout_text != spec.expected_stdout) return false;
    if (!spec.expected_status.accepts(outcome.status)) return false;
    if (spec.stderr_rule == StderrRule::Empty && !outcome.stderr_text.empty()) return false;
    for (const auto& needle : spec.stderr_must_contain)
        if (!stderr_contains(outcome.stderr_text, needle)) return false;
    return true;
}

bool stderr_contains(const std::string& stderr_text, const std::string& needle) {
    // Shells word their messages differently ("Syntax error", "syntax error"); case is noise.
    auto lower = [](std::string text) {
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    };
    return lower(stderr_text).find(lower(needle)) != std::string::npos;
}

}  // namespace vsh::spec
