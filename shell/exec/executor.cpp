#include "shell/exec/executor.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <utility>

#include "backends/backend.hpp"
#include "shell/ast/format.hpp"
#include "shell/base/scoped_value.hpp"
#include "shell/base/stack_guard.hpp"
#include "shell/core/job_control.hpp"
#include "shell/core/shell.hpp"
#include "shell/core/trap_actions.hpp"
#include "shell/exec/background.hpp"
#include "shell/exec/capture.hpp"
#include "shell/exec/command_search.hpp"
#include "shell/exec/command_words.hpp"
#include "shell/exec/foreground.hpp"
#include "shell/exec/fork_shell.hpp"
#include "shell/exec/pipeline.hpp"
#include "shell/exec/redirect.hpp"
#include "shell/exec/spawn.hpp"
#include "shell/exec/xtrace.hpp"
#include "shell/expand/expand.hpp"
#include "shell/expand/pattern.hpp"
#include "shell/jobs/jobs.hpp"
#include "shell/parser/parser.hpp"
#include "shell/timing/timing.hpp"
#include "shell/traps/traps.hpp"

namespace vsh {

namespace {

using Assignments = std::vector<std::pair<std::string, std::string>>;

// Whether argv is `exec` without a command, perhaps reached through `command` (`command exec
// 3>f`): its redirections are then made permanent (XCU exec), as dash, bash and mksh do. A
// lone "--" after either ends the options and names no command (XCU 1.4).
bool exec_without_command(const std::vector<std::string>& argv) {
    std::size_t i = 0;
    while (i < argv.size() && argv[i] == "command") {
        ++i;
        if (i < argv.size() && argv[i] == "--") ++i;
    }
    if (i == argv.size() || argv[i] != "exec") return false;
    ++i;
    if (i < argv.size() && argv[i] == "--") ++i;
    return i == argv.size();
}

// Whether `set -e` looks at this command's status when it fails (XCU 2.8.1, `set -e`): simple
// commands, pipelines and subshells; a compound command's failure already had its chance to
// exit inside it.
bool errexit_applies(const ast::Command& c) {
    if (std::holds_alternative<ast::SimpleCommand>(c.node)) return true;
    if (std::holds_alternative<ast::Subshell>(c.node)) return true;
    if (const auto* p = std::get_if<ast::Pipeline>(&c.node)) {
        if (p->negated) return false;
        return p->commands.size() > 1 || errexit_applies(*p->commands[0]);
    }
    if (const auto* t = std::get_if<ast::Timed>(&c.node))
        return t->pipeline && errexit_applies(*t->pipeline);
    return false;
}

bool word_is_plain(const ast::Word& w) {
    for (const ast::WordPart& p : w) {
        using K = ast::WordPart::Kind;
        if (p.kind == K::CommandSubst || p.kind == K::Arith) return false;
        if (p.kind == K::Param && p.op != ast::ParamOp::Plain && p.op != ast::ParamOp::Default &&
            p.op != ast::ParamOp::Alternative && p.op != ast::ParamOp::Length)
            return false;
        if (!word_is_plain(p.parts())) return false;
    }
    return true;
}

// If `body` can run in-process as a pure builtin sequence, returns true.
bool substitution_runs_inline(const ast::Command& body, const Shell& sh) {
    const auto* list = std::get_if<ast::List>(&body.node);
    if (list == nullptr || list->items.empty() || !body.redirections.empty()) return false;
    // Options whose effects a subshell would contain (an exit, a trace) keep the fork.
    if (sh.options.nounset || sh.options.xtrace || sh.options.errexit) return false;
    for (const ast::ListItem& item : list->items) {
        if (item.async == ast::Async::Yes) return false;
        const ast::Command& c = *item.command;
        const auto* simple = std::get_if<ast::SimpleCommand>(&c.node);
        if (simple == nullptr || !c.redirections.empty() || !simple->assignments.empty() ||
            simple->words.empty())
            return false;
        const ast::Word& first = simple->words[0];
        if (first.size() != 1 || first[0].kind != ast::WordPart::Kind::Literal) return false;
        // A pure builtin (builtins/table.cpp) changes no shell state, so running it here is
        // indistinguishable from running it in a subshell.
        const Builtin* builtin = sh.find_builtin(first[0].text);
        if (builtin == nullptr || !builtin->has(BuiltinTraits::Pure)) {
            // `$(trap)` lists the parent's traps (XCU 2.12 allows it; saved=$(trap) relies on
            // it), which only an in-process run can show.
            bool trap_listing = first[0].text == "trap";
            for (std::size_t i = 1; i < simple->words.size() && trap_listing; ++i) {
                const ast::Word& w = simple->words[i];
                trap_listing = w.size() == 1 && w[0].kind == ast::WordPart::Kind::Literal &&
                               (w[0].text == "-p" || w[0].text == "--");
            }
            if (!trap_listing) return false;
        }
        if (sh.functions.count(first[0].text) != 0) return false;
        for (const ast::Word& w : simple->words)
            if (!word_is_plain(w) || reads_random(w)) return false;
    }
    return true;
}

}  // namespace

void Executor::check_errexit(int status, ExecContext ctx) {
    if (status != 0 && sh_.options.errexit && ctx.errexit == ErrExit::Active &&
        sh_.jump == Jump::None) {
        exit_shell(status);
    }
}

void Executor::check_stack(std::string_view who) {
    if (!stack_nearly_full()) return;
    // dash stops functions at a fixed depth of 1000; vsh follows the stack it has, so eval,
    // dot scripts, traps and command substitutions run in the shell are bounded too.
    const std::string why = stack_exhausted_message();
    if (who.empty())
        sh_.error(why);
    else
        sh_.error(who, why);
    throw FatalError{2};
}

// Memory that runs out in a command ends that command with a message (FatalError), as any
// other error that POSIX says ends a script: never std::terminate. (A function-try-block: no
// extra call per command.)
int Executor::run(const ast::Command& command, ExecContext ctx) try {
    // `set -n` stops a non-interactive shell at once, also in the rest of the list or
    // function it was run in (as dash, bash and ksh93).
    if (sh_.options.noexec && !sh_.options.interactive) return sh_.last_status;
    if (TrapTable::pending()) {
        abandon_if_interrupted();
        run_pending_traps(sh_);
        if (sh_.jump != Jump::None) return sh_.last_status;
    }
    int status = 0;
    bool compound = !std::holds_alternative<ast::SimpleCommand>(command.node) &&
                    !command.redirections.empty() &&
                    !std::holds_alternative<ast::FunctionDef>(command.node);
    if (compound) {
        // Redirections on a compound command apply to all of it and are undone afterwards.
        PreparedRedirections redirs;
        SavedFds saved;
        if (!redirs.prepare(sh_, command.redirections) || !redirs.apply(sh_, &saved)) {
            saved.restore();  // Before an exit below: the EXIT trap sees the shell's fds.
            const int failed = redirection_failure_status(sh_);
            sh_.last_status = failed;
            // The compound command itself failed, with nothing run inside it that `set -e`
            // could have seen (errexit_applies leaves compound commands to their insides).
            check_errexit(failed, ctx);
            return failed;
        }
        ctx.last = LastCommand::No;
        status = run_body(command, ctx);
        sh_.flush_streams();
    } else {
        status = run_body(command, ctx);
    }
    // `return` and `exit` chose the status; a `!` or a loop around them must not replace it.
    if (sh_.jump == Jump::Return || sh_.jump == Jump::Exit) return sh_.last_status;
    sh_.last_status = status;
    // A signal that arrived while the command ran has its trap taken as soon as the command
    // completes (XCU 2.11), as dash does: still inside the function or dot script the command
    // ran in, so the action sees that function's positional parameters. The action keeps $?.
    if (TrapTable::pending() && sh_.jump == Jump::None) {
        abandon_if_interrupted();
        run_pending_traps(sh_);
        if (sh_.jump != Jump::None) return sh_.last_status;
    }
    return status;
} catch (const std::bad_alloc&) {
    sh_.out_of_memory();
}

void Executor::abandon_if_interrupted() {
    // Ctrl-C while the shell itself runs a command line (a loop of builtins): the shell, in
    // the terminal's foreground group, got the SIGINT, as dash and bash do.
    if (sh_.abandon_on_interrupt && !sh_.is_subshell && sh_.traps->take_interrupt()) {
        sh_.last_status = 130;
        sh_.out.flush();
        sh_.err.write("\n");
        sh_.err.flush();
        throw CommandLineAbandoned{130};
    }
}

int Executor::run_body(const ast::Command& command, ExecContext ctx) {
    return std::visit(
        [&](const auto& node) -> int {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::SimpleCommand>) {
                return run_simple(command, node, ctx);
            } else if constexpr (std::is_same_v<T, ast::Pipeline>) {
                return run_pipeline(node, ctx);
            } else if constexpr (std::is_same_v<T, ast::AndOrList>) {
                return run_and_or(node, ctx);
            } else if constexpr (std::is_same_v<T, ast::List>) {
                return run_list(node, ctx);
            } else if constexpr (std::is_same_v<T, ast::BraceGroup>) {
                return run_list(node.body, ctx);
            } else if constexpr (std::is_same_v<T, ast::Subshell>) {
                return run_subshell(command, node, ctx);
            } else if constexpr (std::is_same_v<T, ast::If>) {
                return run_if(node, ctx);
            } else if constexpr (std::is_same_v<T, ast::Loop>) {
                return run_loop(node, ctx);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<ast::For>>) {
                // The words after `in` are expanded here, so a diagnostic (${x?}) and $LINENO
                // name this line, not that of the last command run before.
                if (command.span.begin.line != 0) sh_.lineno = command.span.begin.line;
                return run_for(*node, ctx);
            } else if constexpr (std::is_same_v<T, ast::Case>) {
                if (command.span.begin.line != 0) sh_.lineno = command.span.begin.line;
                return run_case(node, ctx);
            } else if constexpr (std::is_same_v<T, ast::FunctionDef>) {
                sh_.functions[node.name] = node.body;
                ++sh_.functions_version;
                if (sh_.options.hashall) remember_utilities(*node.body);
                return 0;
            } else if constexpr (std::is_same_v<T, ast::Timed>) {
                return run_timed(node, ctx);
            }
        },
        command.node);
}

void Executor::remember_utilities(const ast::Command& command) {
    // set -h (XCU set): the utilities a function names are located, and remembered as `hash`
    // would, when it is defined. Only plain names count: a word with an expansion or a quote
    // is known only when the function runs; builtins and functions are not searched for.
    auto in_list = [this](const ast::List& list) {
        for (const ast::ListItem& item : list.items) remember_utilities(*item.command);
    };
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::SimpleCommand>) {
                if (node.words.empty()) return;
                const ast::Word& word = node.words.front();
                if (word.size() != 1 || word[0].kind != ast::WordPart::Kind::Literal) return;
                const std::string& name = word[0].text;
                if (name.empty() || name.find('/') != std::string::npos ||
                    sh_.find_builtin(name) != nullptr || sh_.functions.count(name) != 0)
                    return;
                int error = 0;
                (void)find_in_path(name, &error, UseHash::Yes);
            } else if constexpr (std::is_same_v<T, ast::Pipeline>) {
                for (const auto& c : node.commands) remember_utilities(*c);
            } else if constexpr (std::is_same_v<T, ast::AndOrList>) {
                for (const auto& c : node.items) remember_utilities(*c);
            } else if constexpr (std::is_same_v<T, ast::List>) {
                in_list(node);
            } else if constexpr (std::is_same_v<T, ast::BraceGroup> ||
                                 std::is_same_v<T, ast::Subshell>) {
                in_list(node.body);
            } else if constexpr (std::is_same_v<T, ast::If>) {
                for (const ast::IfBranch& b : node.branches) {
                    in_list(b.condition);
                    in_list(b.body);
                }
                if (node.else_body) in_list(*node.else_body);
            } else if constexpr (std::is_same_v<T, ast::Loop>) {
                in_list(node.condition);
                in_list(node.body);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<ast::For>>) {
                in_list(node->body);
            } else if constexpr (std::is_same_v<T, ast::Case>) {
                for (const ast::CaseItem& item : node.items) in_list(item.body);
            } else if constexpr (std::is_same_v<T, ast::Timed>) {
                if (node.pipeline) remember_utilities(*node.pipeline);
            }
            // A function defined inside is remembered when that definition runs.
        },
        command.node);
}

int Executor::run_list(const ast::List& list, ExecContext ctx) {
    int status = 0;
    const std::size_t n = list.items.size();
    if (n == 0) return sh_.last_status;
    for (std::size_t i = 0; i < n; ++i) {
        const ast::ListItem& item = list.items[i];
        if (item.async == ast::Async::Yes) {
            status = run_background(sh_, *this, *item.command);
        } else {
            ExecContext item_ctx = ctx;
            if (i + 1 < n) item_ctx.last = LastCommand::No;
            status = run(*item.command, item_ctx);
            if (errexit_applies(*item.command)) check_errexit(status, item_ctx);
        }
        sh_.last_status = status;
        if (sh_.jump != Jump::None) break;
    }
    return status;
}

int Executor::run_and_or(const ast::AndOrList& list, ExecContext ctx) {
    int status = 0;
    const std::size_t n = list.items.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) {
            ast::AndOrOp op = list.ops[i - 1];
            if ((op == ast::AndOrOp::And) != (status == 0)) continue;
        }
        ExecContext item_ctx = ctx;
        if (i + 1 < n) {
            item_ctx.last = LastCommand::No;
            item_ctx.errexit = ErrExit::Suppressed;
        }
        status = run(*list.items[i], item_ctx);
        if (i + 1 == n && errexit_applies(*list.items[i])) check_errexit(status, item_ctx);
        if (sh_.jump != Jump::None) break;
    }
    return status;
}

int Executor::run_if(const ast::If& node, ExecContext ctx) {
    ExecContext cond{LastCommand::No, ErrExit::Suppressed};
    for (const ast::IfBranch& branch : node.branches) {
        int status = run_list(branch.condition, cond);
        if (sh_.jump != Jump::None) return status;
        if (status == 0) return run_list(branch.body, ctx);
    }
    if (node.else_body) return run_list(*node.else_body, ctx);
    return 0;
}

namespace {

// One level of loop nesting, for the duration of a loop (also when an error unwinds it).
class LoopLevel {
  public:
    explicit LoopLevel(Shell& sh) : sh_(sh) { ++sh_.loop_depth; }
    ~LoopLevel() { --sh_.loop_depth; }
    LoopLevel(const LoopLevel&) = delete;
    LoopLevel& operator=(const LoopLevel&) = delete;

  private:
    Shell& sh_;
};

enum class LoopStep : unsigned char { Next, Leave };

// After a loop's condition or body: whether the loop goes on, consuming this loop's share of a
// pending `break N` / `continue N`.
LoopStep after_loop_part(Shell& sh) {
    switch (sh.jump) {
        case Jump::None:
            return LoopStep::Next;
        case Jump::Break:
            if (--sh.jump_count == 0) sh.jump = Jump::None;
            return LoopStep::Leave;
        case Jump::Continue:
            if (--sh.jump_count == 0) {
                sh.jump = Jump::None;
                return LoopStep::Next;
            }
            return LoopStep::Leave;
        default:
            return LoopStep::Leave;
    }
}

}  // namespace

int Executor::run_loop(const ast::Loop& node, ExecContext ctx) {
    ExecContext cond{LastCommand::No, ErrExit::Suppressed};
    ExecContext body_ctx{LastCommand::No, ctx.errexit};
    int status = 0;
    LoopLevel level(sh_);
    for (;;) {
        int c = run_list(node.condition, cond);
        const bool continued = sh_.jump == Jump::Continue;  // `continue` in the condition.
        if (after_loop_part(sh_) == LoopStep::Leave) break;
        if (continued) continue;
        if ((c == 0) != (node.kind == ast::LoopKind::While)) break;
        status = run_list(node.body, body_ctx);
        if (after_loop_part(sh_) == LoopStep::Leave) break;
    }
    return status;
}

int Executor::run_for(const ast::For& node, ExecContext ctx) {
    std::vector<std::string> values;
    if (node.has_in) {
        Expander(sh_).expand_words(node.words, values);
    } else {
        values = sh_.positional;
    }
    ExecContext body_ctx{LastCommand::No, ctx.errexit};
    int status = 0;
    LoopLevel level(sh_);
    for (const std::string& v : values) {
        if (!sh_.assign(node.name, v)) {
            if (!sh_.options.interactive) throw FatalError{2};
            status = 1;
            break;
        }
        status = run_list(node.body, body_ctx);
        if (after_loop_part(sh_) == LoopStep::Leave) break;
    }
    return status;
}

int Executor::run_case(const ast::Case& node, ExecContext ctx) {
    Expander expander(sh_);
    std::string subject = expander.expand_string(node.subject);
    const std::size_t n = node.items.size();
    for (std::size_t i = 0; i < n; ++i) {
        bool matched = false;
        if (node.items[i].span.begin.line != 0) sh_.lineno = node.items[i].span.begin.line;
        for (const ast::Word& pattern_word : node.items[i].patterns) {
            std::string pattern = expander.expand_pattern(pattern_word);
            if (pattern_match(pattern, subject)) {
                matched = true;
                break;
            }
        }
        if (!matched) continue;
        int status = 0;
        // ;& falls through into the following bodies without testing their patterns.
        for (std::size_t j = i; j < n; ++j) {
            // A body that falls through is not the last thing done (no exec of its program).
            ExecContext body_ctx = ctx;
            if (node.items[j].terminator == ast::CaseTerminator::FallThrough && j + 1 < n)
                body_ctx.last = LastCommand::No;
            status = node.items[j].body.items.empty() ? 0 : run_list(node.items[j].body, body_ctx);
            if (sh_.jump != Jump::None) return status;
            if (node.items[j].terminator != ast::CaseTerminator::FallThrough) break;
        }
        return status;
    }
    return 0;
}

int Executor::run_subshell(const ast::Command& command, const ast::Subshell& node,
                           ExecContext ctx) {
    const bool job_control = job_control_active(sh_);
    if (ctx.last == LastCommand::Exec && !sh_.traps->any_set() && !job_control) {
        // Nothing follows in this process: the subshell can be this process. (Under job
        // control it is a job, with a process group of its own.) It still starts with a
        // subshell's state: the parent's jobs are not its children (so `wait` on them must
        // answer 127, as after a fork) and the parent's loops do not enclose it.
        sh_.is_subshell = true;
        sh_.jobs->forget_all();
        sh_.loop_depth = 0;
        return run_list(node.body, ctx);
    }
    if (!job_control) {
        // Shell code that needs no child of its own (inline_subshell.hpp): run here.
        int status;
        if (run_subshell_inline(node, ctx, &status)) return status;
    }
    // The redirections (if any) are already in place: run() applied them around us. A
    // subshell in an if condition, under ! or left of && / || still ignores `set -e`, as the
    // commands around it do (XCU 2.8.1; dash, bash and ksh agree).
    return fork_subshell(command, job_control, [&] { child_run_list(node.body, ctx.errexit); });
}

template <typename Child>
int Executor::fork_subshell(const ast::Command& command, bool job_control, Child child) {
    const bool hand_terminal = job_control && hands_terminal_to_jobs(sh_);
    sh_.flush_streams();
    const ForkClock clock(sh_);
    pid_t pid = fork_shell(sh_);
    if (pid < 0) {
        sh_.error(std::string("fork: ") + std::strerror(errno));
        return 2;
    }
    if (pid == 0) {
        if (job_control)
            child_enter_job(sh_, 0, hand_terminal ? TakeTerminal::Yes : TakeTerminal::No);
        child();
    }
    if (job_control) setpgid(pid, pid);
    StartedProcess process;
    process.pid = pid;
    process.outcome = clock.outcome();
    process.name = "( subshell )";
    ForegroundJob job;
    job.job_control = job_control;
    job.hand_terminal = hand_terminal;
    job.pgid = pid;
    job.text = [&command] { return ast::format_command(command); };
    const std::vector<int> wait_statuses = wait_foreground(sh_, {process}, job);
    const int status = exit_status_of(wait_statuses.front());
    abandon_command_line_if_interrupted(sh_, wait_statuses, status);
    return status;
}

bool Executor::run_subshell_inline(const ast::Subshell& node, ExecContext ctx, int* status) {
    // Its last command may be one the body may not run here, or whose name is known only once
    // expanded ($CC, "$@", eval "$code"): run_expanded looks at it then (InlineTail).
    const ExecContext inner{LastCommand::InlineTail, ctx.errexit};
    if (inline_subshells_.allows_list(node.body, sh_, InlineKind::Subshell)) {
        *status = run_inline_subshell(nullptr, [&] { return run_list(node.body, inner); });
        return true;
    }
    return false;
}

int Executor::run_tail_in_child(const ast::Command& command, const ast::SimpleCommand& simple,
                                std::vector<std::string>& argv, ErrExit errexit) {
    // (Never under job control: a ( ) runs in the shell only without it.)
    return fork_subshell(command, false, [&] {
        become_subshell();
        child_run_expanded(command, simple, argv, errexit);
    });
}

void Executor::become_subshell() {
    sh_.is_subshell = true;
    sh_.traps->reset_for_subshell();
    sh_.jobs->forget_all();
    // The parent's loops do not enclose a break or continue in here (XCU break: a loop
    // encloses it only in the same execution environment).
    sh_.loop_depth = 0;
}

void Executor::child_run(const ast::Command& command, ErrExit errexit) {
    become_subshell();
    int status = 0;
    try {
        if (const auto* sub = std::get_if<ast::Subshell>(&command.node)) {
            // This process is the subshell: apply its redirections for good, run its body.
            if (!command.redirections.empty()) {
                PreparedRedirections redirs;
                if (!redirs.prepare(sh_, command.redirections) || !redirs.apply(sh_, nullptr))
                    exit_shell(1);
            }
            status = run_list(sub->body, ExecContext{LastCommand::Exec, errexit});
        } else {
            status = run(command, ExecContext{LastCommand::Exec, errexit});
        }
        if (sh_.jump == Jump::Exit) status = sh_.last_status;
    } catch (const FatalError& e) {
        status = e.status;
    } catch (const std::bad_alloc&) {
        status = sh_.report_out_of_memory();
    }
    exit_shell(status);
}

void Executor::child_run_list(const ast::List& body, ErrExit errexit) {
    become_subshell();
    int status = 0;
    try {
        status = run_list(body, ExecContext{LastCommand::Exec, errexit});
        if (sh_.jump == Jump::Exit) status = sh_.last_status;
    } catch (const FatalError& e) {
        status = e.status;
    } catch (const std::bad_alloc&) {
        status = sh_.report_out_of_memory();
    }
    exit_shell(status);
}

void Executor::child_run_expanded(const ast::Command& command, const ast::SimpleCommand& simple,
                                  std::vector<std::string>& argv, ErrExit errexit) {
    // (Unlike child_run, the job table is kept.)
    sh_.is_subshell = true;
    sh_.traps->reset_for_subshell();
    sh_.loop_depth = 0;  // A break here does not reach the parent's loops (XCU break).
    int status;
    try {
        status = run_expanded(command, simple, argv, ExecContext{LastCommand::Exec, errexit});
    } catch (const FatalError& e) {
        status = e.status;
    }
    exit_shell(status);
}

void Executor::exit_shell(int status) {
    // In a $(...) run inline, what would end the subshell ends only the body.
    if (sh_.inline_subshells > 0) throw InlineSubshellExit{status};
    sh_.last_status = status;
    // A signal caught while the last command ran still gets its trap action (run() only takes
    // pending traps before a command), e.g. in `(trap 'echo TERM' TERM; sleep 5) &`.
    if (TrapTable::pending() && sh_.jump == Jump::None) {
        try {
            run_pending_traps(sh_);
        } catch (const FatalError& e) {
            sh_.last_status = e.status;
        }
    }
    run_exit_trap(sh_);
    sh_.flush_streams();
    if (sh_.at_exit != nullptr && !sh_.is_subshell) sh_.at_exit(sh_);
    _exit(sh_.last_status & 0xff);
}

int Executor::run_pipeline(const ast::Pipeline& pipeline, ExecContext ctx) {
    int status;
    if (pipeline.commands.size() == 1) {
        ExecContext inner = ctx;
        if (pipeline.negated) {
            inner.errexit = ErrExit::Suppressed;
            // The shell must stay to invert the status: a negated last command is not
            // replaced by an exec of the program, which would exit with the status as is.
            inner.last = LastCommand::No;
        }
        status = run(*pipeline.commands[0], inner);
    } else {
        status = run_pipeline_stages(sh_, *this, pipeline,
                                     pipeline.negated ? ErrExit::Suppressed : ctx.errexit,
                                     PipelineRun::Foreground);
    }
    if (pipeline.negated) status = status == 0 ? 1 : 0;
    return status;
}

int Executor::run_timed(const ast::Timed& node, ExecContext ctx) {
    return run_time_command(sh_, *this, node, ctx);
}

int Executor::run_simple(const ast::Command& command, const ast::SimpleCommand& simple,
                         ExecContext ctx) {
    if (command.span.begin.line != 0) sh_.lineno = command.span.begin.line;
    Expander expander(sh_);
    std::vector<std::string> argv;
    argv.reserve(simple.words.size());
    substitution_ran_ = false;
    last_substitution_status_ = 0;
    expand_command_words(sh_, expander, simple.words, argv);

    if (argv.empty()) {
        // Assignments (and redirections) alone, in the current shell. The redirections are
        // performed first (XCU 2.9.1.1): `x=$(cmd) 2>/dev/null` silences cmd, and a failed
        // one leaves the variables unassigned. They are undone when `saved` goes.
        PreparedRedirections redirs;
        SavedFds saved;
        if (!command.redirections.empty() &&
            (!redirs.prepare(sh_, command.redirections) || !redirs.apply(sh_, &saved)))
            return redirection_failure_status(sh_);
        Assignments done;
        for (const ast::Assignment& a : simple.assignments) {
            std::string value = expander.expand_assignment(a.value);
            if (!sh_.assign(a.name, value)) {
                if (!sh_.options.interactive) throw FatalError{2};
                return 1;
            }
            if (sh_.options.xtrace) done.emplace_back(a.name, std::move(value));
        }
        if (sh_.options.xtrace && !done.empty()) trace_command(sh_, {}, done, &saved);
        return substitution_ran_ ? last_substitution_status_ : 0;
    }
    return run_expanded(command, simple, argv, ctx);
}

namespace {

// What a command name names. A special builtin comes before a function, a function before a
// regular builtin (XCU 2.9.1.4); both null: a program.
struct CommandTarget {
    const Builtin* builtin = nullptr;
    const ast::Command* function = nullptr;
    bool special() const { return builtin != nullptr && builtin->cls == BuiltinClass::Special; }
};

CommandTarget find_target(const Shell& sh, const std::string& name) {
    CommandTarget target;
    if (name.find('/') != std::string::npos) return target;
    target.builtin = sh.find_builtin(name);
    if (target.builtin == nullptr || target.builtin->cls != BuiltinClass::Special) {
        auto it = sh.functions.find(name);
        if (it != sh.functions.end()) {
            target.function = it->second.get();
            target.builtin = nullptr;
        }
    }
    return target;
}

// XCU 2.9.1.1 performs the redirections before it expands the assignments. Only an assignment
// that runs a command or can fail ($(...), $((...)), ${x?}, set -u) can tell; for those the
// redirections go on first, in the shell, whatever the command is.
bool redirections_first(const Shell& sh, const ast::Command& command,
                        const ast::SimpleCommand& simple) {
    if (command.redirections.empty()) return false;
    for (const ast::Assignment& a : simple.assignments)
        if (sh.options.nounset || !word_is_plain(a.value)) return true;
    return false;
}

// The status of a simple command whose redirection failed; a special builtin's failure ends a
// non-interactive shell (XCU 2.8.1).
int redirection_failed(Shell& sh, const CommandTarget& target) {
    if (sh.jump != Jump::None) return redirection_failure_status(sh);
    if (target.special() && !sh.options.interactive) throw FatalError{2};
    return 1;
}

// A failed variable assignment: the end of a non-interactive shell, else status 1.
int assignment_failed(const Shell& sh) {
    if (!sh.options.interactive) throw FatalError{2};
    return 1;
}

// Runs a program with the VAR=value prefixes in its environment. `redirected`: the command's
// redirections are already in place in the shell.
int run_program(Shell& sh, const ast::Command& command, std::vector<std::string>& argv,
                const Assignments& assignments, bool redirected, LastCommand last) {
    // The assignments only go into the program's environment, but one naming a readonly
    // variable is still a variable assignment error (XCU 2.9.1, 2.8.1).
    for (const auto& [n, v] : assignments) {
        if (const Variable* var = sh.vars.find(n); var != nullptr && var->readonly) {
            sh.error(n + ": is read only");
            return assignment_failed(sh);
        }
    }
    SpawnRequest req;
    req.argv = &argv;
    req.command = redirected ? nullptr : &command;
    req.source = &command;
    req.env_overrides = assignments;
    req.last = last;
    return run_spawned(sh, req);
}

// Special builtins keep their assignments; regular builtins and functions see them only for
// their own duration (as dash does for functions), through `temporary`. False when one failed
// (the status is then assignment_failed's).
bool assign_prefixes(Shell& sh, const CommandTarget& target, bool permanent,
                     const Assignments& assignments,
                     std::optional<TemporaryAssignments>& temporary) {
    if (target.special()) {
        for (const auto& [n, v] : assignments) {
            if (!sh.assign(n, v)) throw FatalError{2};
            // `x=1 exec cmd`: the new program sees x in its environment (as in dash and bash).
            // Without a command (`x=1 exec 3<f`) it stays a plain shell variable, as in dash.
            if (target.builtin->has(BuiltinTraits::ReplacesShell) && !permanent)
                sh.vars.set_exported(n, true);
        }
        return true;
    }
    if (assignments.empty()) return true;
    temporary.emplace(sh);
    for (const auto& [n, v] : assignments)
        if (!temporary->assign(n, v, TemporaryAssignments::Export::Yes)) return false;
    return true;
}

}  // namespace

int Executor::run_expanded(const ast::Command& command, const ast::SimpleCommand& simple,
                           std::vector<std::string>& argv, ExecContext ctx) {
    const CommandTarget target = find_target(sh_, argv[0]);
    // The last command of a ( ) run in the shell, which InlineSubshells let through unjudged
    // (a name known only now, or a command the body may not run here): a builtin or function
    // that may not run here runs in a child, the subshell's end. Its redirections would be
    // the shell's to undo: a child too.
    if (ctx.last == LastCommand::InlineTail &&
        (target.builtin != nullptr || target.function != nullptr) &&
        (!command.redirections.empty() ||
         !inline_subshells_.allows_call(argv, sh_, InlineKind::Subshell)))
        return run_tail_in_child(command, simple, argv, ctx.errexit);
    PreparedRedirections redirs;
    SavedFds saved;
    const bool permanent = target.builtin != nullptr &&
                           target.builtin->has(BuiltinTraits::KeepsRedirections) &&
                           exec_without_command(argv);
    auto apply_redirections = [&] {
        return redirs.prepare(sh_, command.redirections) &&
               redirs.apply(sh_, permanent ? nullptr : &saved);
    };
    const bool redirect_first = redirections_first(sh_, command, simple);
    if (redirect_first && !apply_redirections()) return redirection_failed(sh_, target);

    Expander expander(sh_);
    Assignments assignments;
    if (!expand_prefix_assignments(sh_, expander, simple, assignments))
        return assignment_failed(sh_);
    if (sh_.options.xtrace) trace_command(sh_, argv, assignments, &saved);
    if (target.builtin == nullptr && target.function == nullptr)
        return run_program(sh_, command, argv, assignments, redirect_first, ctx.last);

    std::optional<TemporaryAssignments> temporary;
    if (!assign_prefixes(sh_, target, permanent, assignments, temporary))
        return assignment_failed(sh_);
    if (!redirect_first && !command.redirections.empty() && !apply_redirections())
        return redirection_failed(sh_, target);
    if (target.function != nullptr) return run_function(*target.function, argv, ctx);
    return run_builtin(*target.builtin, command, argv, ctx);
}

int Executor::run_builtin(const Builtin& builtin, const ast::Command& command,
                          std::vector<std::string>& argv, ExecContext ctx) {
    // eval and dot run their commands in this command's set -e context.
    const ScopedValue<ErrExit> errexit(builtin_errexit_, ctx.errexit);
    const ScopedValue<LastCommand> last(builtin_last_, ctx.last);
    const ScopedValue<const ast::Command*> enclosing(builtin_command_, &command);
    const int status = builtin.run(sh_, std::span<const std::string>(argv));
    return flush_builtin_output(argv[0], status);
}

int Executor::flush_builtin_output(const std::string& name, int status) {
    if (!sh_.out.flush() && status == 0) {
        end_subshell_on_own_signal(sh_);
        // A builtin whose output could not be written failed (e.g. echo > /dev/full).
        sh_.error(name, std::string("write error: ") + std::strerror(errno));
        status = 1;
    }
    sh_.err.flush();
    return status;
}

namespace {

// A function call's frame in the shell: its positional parameters, its scope for `local`, and
// loops outside it not enclosing its break or continue; all undone when the call ends, also
// when an error unwinds it.
class FunctionFrame {
  public:
    FunctionFrame(Shell& sh, std::vector<std::string>& argv)
        : sh_(sh), saved_positional_(std::move(sh.positional)), saved_loop_depth_(sh.loop_depth) {
        sh.positional.assign(std::make_move_iterator(argv.begin() + 1),
                             std::make_move_iterator(argv.end()));
        ++sh.function_depth;
        sh.vars.push_scope();
        sh.loop_depth = 0;
    }
    ~FunctionFrame() {
        sh_.loop_depth = saved_loop_depth_;
        sh_.vars.pop_scope();
        --sh_.function_depth;
        sh_.positional = std::move(saved_positional_);
    }
    FunctionFrame(const FunctionFrame&) = delete;
    FunctionFrame& operator=(const FunctionFrame&) = delete;

  private:
    Shell& sh_;
    std::vector<std::string> saved_positional_;
    int saved_loop_depth_;
};

}  // namespace

int Executor::run_function(const ast::Command& body, std::vector<std::string>& argv,
                           ExecContext ctx) {
    check_stack(argv[0]);
    int status;
    {
        const FunctionFrame frame(sh_, argv);
        status = run(body, ExecContext{LastCommand::No, ctx.errexit});
    }
    if (sh_.jump == Jump::Return) {
        sh_.jump = Jump::None;
        status = sh_.last_status;
    } else if (sh_.jump == Jump::Break || sh_.jump == Jump::Continue) {
        sh_.jump = Jump::None;
    }
    return status;
}

int Executor::run_argv(std::vector<std::string>& argv, LastCommand last, Functions functions,
                       std::string_view search_path) {
    if (argv.empty()) return 0;
    const std::string& name = argv[0];
    if (name.find('/') == std::string::npos) {
        if (functions == Functions::Find) {
            auto it = sh_.functions.find(name);
            if (it != sh_.functions.end()) return run_function(*it->second, argv, ExecContext{});
        }
        if (const Builtin* b = sh_.find_builtin(name)) {
            // `command times` into a closed pipe fails like `times` does.
            return flush_builtin_output(name, b->run(sh_, std::span<const std::string>(argv)));
        }
    }
    SpawnRequest req;
    req.argv = &argv;
    req.source = builtin_command_;
    req.last = last;
    req.search_path = search_path;
    return run_spawned(sh_, req);
}

int Executor::exec_replace(std::vector<std::string>& argv) {
    SpawnRequest req;
    req.argv = &argv;
    req.last = LastCommand::Exec;
    req.force_exec = ForceExec::Yes;
    return run_spawned(sh_, req);
}

std::string Executor::find_in_path(const std::string& name, int* error, UseHash use_hash) {
    return search_path(sh_, name, error, use_hash);
}

namespace {

// Sends the shell's standard output into a string for a scope, then back where it went.
class OutputCaptured {
  public:
    OutputCaptured(Shell& sh, std::string& into) : sh_(sh), previous_(sh.out.capture()) {
        sh.out.set_capture(&into);
    }
    ~OutputCaptured() { sh_.out.set_capture(previous_); }
    OutputCaptured(const OutputCaptured&) = delete;
    OutputCaptured& operator=(const OutputCaptured&) = delete;

  private:
    Shell& sh_;
    std::string* previous_;
};

}  // namespace

namespace {

// The shell state a $(...) run inline must leave as it found it, beyond what the variable
// journal puts back: restored when the body ends, however it ends.
class InlineSubshellScope {
  public:
    explicit InlineSubshellScope(Shell& sh)
        : sh_(sh),
          line_(sh.lineno),
          loop_depth_(sh.loop_depth),
          function_depth_(sh.function_depth),
          getopts_(sh.getopts) {
        sh.vars.open_journal();
        ++sh.inline_subshells;
        // The enclosing loops are not the subshell's (XCU break).
        sh.loop_depth = 0;
    }
    ~InlineSubshellScope() {
        if (--sh_.inline_subshells == 0) sh_.inline_children.clear();
        sh_.vars.roll_back_journal();
        sh_.jump = Jump::None;
        sh_.jump_count = 0;
        sh_.lineno = line_;
        sh_.loop_depth = loop_depth_;
        sh_.function_depth = function_depth_;
        // Assigning OPTIND (and rolling it back) resets where getopts stands.
        sh_.getopts = std::move(getopts_);
    }
    InlineSubshellScope(const InlineSubshellScope&) = delete;
    InlineSubshellScope& operator=(const InlineSubshellScope&) = delete;

  private:
    Shell& sh_;
    std::uint32_t line_;
    int loop_depth_;
    int function_depth_;
    GetoptsPosition getopts_;
};

}  // namespace

template <typename Body>
int Executor::run_inline_subshell(std::string* output, Body body) {
    std::optional<OutputCaptured> captured;
    if (output != nullptr) captured.emplace(sh_, *output);
    const InlineSubshellScope scope(sh_);
    int status;
    try {
        status = body();
        if (sh_.jump == Jump::Exit) status = sh_.last_status;
    } catch (const InlineSubshellExit& e) {
        status = e.status;
        // Told as the death of a child by that signal would be.
        if (e.signal != 0) {
            sh_.out.flush();
            print_signal_death(sh_, e.signal);
        }
    } catch (const FatalError& e) {
        status = e.status;
    }
    sh_.out.flush();
    sh_.err.flush();
    return status & 0xff;
}

int Executor::run_pure_builtin(const ast::Command& command, const ast::SimpleCommand& simple,
                               std::vector<std::string>& argv, std::string& output) {
    const OutputCaptured captured(sh_, output);
    const std::uint32_t saved_line = sh_.lineno;
    const int status = run_expanded(command, simple, argv, ExecContext{});
    sh_.out.flush();
    sh_.lineno = saved_line;
    return status;
}

int Executor::run_inline_substitution(const ast::List& body, std::string& output) {
    const OutputCaptured captured(sh_, output);
    const std::uint32_t saved_line = sh_.lineno;
    const int status = run_list(body, ExecContext{});
    sh_.out.flush();
    sh_.lineno = saved_line;
    return status;
}

std::string Executor::command_substitution(const ast::Command* body) {
    substitution_ran_ = true;
    if (body == nullptr) {
        last_substitution_status_ = 0;
        return {};
    }
    std::string output;
    int status = 0;
    sh_.flush_streams();
    // A call whose name is known only once its words are expanded ($(check_$kind "$x")):
    // offered by capture_spawned, and run here if the function or builtin it names allows.
    auto in_shell = [this](const ast::Command& command, const ast::SimpleCommand& simple,
                           std::vector<std::string>& argv, std::string& out, int* result) {
        if (!inline_subshells_.allows_call(argv, sh_)) return false;
        *result = run_inline_subshell(
            &out, [&] { return run_expanded(command, simple, argv, ExecContext{}); });
        return true;
    };
    if (substitution_runs_inline(*body, sh_)) {
        // Pure builtins: no child at all (as ksh93 does), and nothing to put back afterwards.
        // Output goes straight to a string.
        status = run_inline_substitution(std::get<ast::List>(body->node), output);
    } else if (inline_subshells_.allows(*body, sh_)) {
        // Shell code that needs no child (inline_subshell.hpp): run here, as ksh93 does.
        status = run_inline_subshell(&output, [&] { return run(*body, ExecContext{}); });
    } else if (!capture_spawned(sh_, *this, *body, output, &status, in_shell) &&
               !capture_pipeline(sh_, *this, *body, output, &status)) {
        status = capture_shell_code(sh_, *this, *body, output);
    }
    // POSIX leaves null bytes in the output unspecified; dash, bash and mksh drop them, and a
    // value holding one could not be exported or passed as an argument anyway.
    std::erase(output, '\0');
    while (!output.empty() && output.back() == '\n') output.pop_back();
    // Set after the body ran: a body run in-process resets these for its own commands.
    substitution_ran_ = true;
    last_substitution_status_ = status;
    sh_.last_status = status;
    return output;
}

namespace {

// Counts nested run_source() calls (eval, dot scripts, traps inside the shell's input).
class SourceDepth {
  public:
    explicit SourceDepth(int& depth) : depth_(depth) { ++depth_; }
    ~SourceDepth() { --depth_; }
    SourceDepth(const SourceDepth&) = delete;
    SourceDepth& operator=(const SourceDepth&) = delete;

  private:
    int& depth_;
};

// set -v: every input line is written to stderr as it is read.
class VerboseSource final : public InputSource {
  public:
    VerboseSource(Shell& sh, InputSource& inner) : sh_(sh), inner_(inner) {}
    bool read_line(std::string& buffer, Prompt prompt) override {
        std::size_t start = buffer.size();
        if (!inner_.read_line(buffer, prompt)) return false;
        if (sh_.options.verbose) {
            sh_.out.flush();
            sh_.err.write(std::string_view(buffer).substr(start));
            sh_.err.flush();
        }
        return true;
    }
    bool at_end() const override { return inner_.at_end(); }
    void release_lookahead() override { inner_.release_lookahead(); }

  private:
    Shell& sh_;
    InputSource& inner_;
};

}  // namespace

int Executor::run_source(InputSource& raw_source, CommandLoop loop, std::uint32_t first_line,
                         std::string_view reporter) {
    check_stack(reporter);
    VerboseSource source(sh_, raw_source);
    Parser parser(source, &sh_.aliases, first_line);
    SourceDepth depth(source_depth_);
    // eval's and dot's commands run where eval or dot was called (a trap action's do not).
    const ErrExit inherited_errexit =
        sh_.traps->running_action() ? ErrExit::Active : builtin_errexit_;
    // eval's last command is the last of a ( ) run in the shell if eval was (nothing else
    // that runs a source, a trap action or a dot script, is let into such a body).
    const LastCommand inherited_last = std::exchange(builtin_last_, LastCommand::No);
    int status = 0;
    for (;;) {
        if (TrapTable::pending()) {
            run_pending_traps(sh_);
            // `exit` in the action: its status, not the last command's, is this source's (a
            // dot script's or an eval's status becomes $? again in the caller).
            if (sh_.jump == Jump::Exit) {
                status = sh_.last_status;
                break;
            }
        }
        ParseResult result;
        try {
            result = parser.next_command();
        } catch (const std::bad_alloc&) {
            sh_.out_of_memory();
        }
        // Before anything runs (the command, a syntax error's exit), the input is left just
        // after the lines the parser took.
        source.release_lookahead();
        if (std::holds_alternative<EndOfInput>(result)) break;
        if (auto* err = std::get_if<ParseError>(&result)) {
            sh_.lineno = err->line;
            if (reporter.empty())
                sh_.error(err->message);
            else
                sh_.error(reporter, err->message);
            sh_.last_status = status = 2;
            if (loop == CommandLoop::Interactive) continue;
            throw FatalError{2};
        }
        const auto& command = std::get<std::unique_ptr<ast::Command>>(result);
        if (sh_.options.noexec && loop != CommandLoop::Interactive) continue;
        ExecContext ctx;
        ctx.errexit = inherited_errexit;
        // Only the shell's own input (-c, the script) may end in an exec: the last command of
        // an eval, a dot script or a trap action is not the last thing the shell does. (An
        // EXIT trap runs at depth 1 again once the input is done, but the shell still has to
        // exit with its own status, and a subshell there still has to run its EXIT trap.)
        if (source_depth_ == 1 && source.at_end() && allow_exec_last_ && !sh_.options.interactive &&
            !sh_.traps->any_set() && !sh_.traps->running_action()) {
            ctx.last = LastCommand::Exec;
        } else if (inherited_last == LastCommand::InlineTail && source.at_end()) {
            ctx.last = LastCommand::InlineTail;
        }
        if (loop == CommandLoop::Interactive) {
            try {
                status = run(*command, ctx);
            } catch (const FatalError& e) {
                sh_.last_status = status = e.status;
            }
        } else {
            status = run(*command, ctx);
        }
        if (sh_.jump != Jump::None) {
            // break/continue run here with a loop around (`eval break`, a dot script or a trap
            // action in a loop body) end this source and reach the loop; the builtins set no
            // jump outside a loop.
            if (sh_.jump == Jump::Exit || sh_.jump == Jump::Return || sh_.loop_depth > 0) break;
            sh_.jump = Jump::None;
        }
    }
    return status;
}

Executor& install_executor(Shell& sh) {
    auto executor = std::make_unique<Executor>(sh);
    sh.executor = executor.get();
    sh.substituter = executor.get();
    sh.runner = std::move(executor);
    return *sh.executor;
}

}  // namespace vsh
