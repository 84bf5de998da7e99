#include "shell/parser/grammar.hpp"

#include <algorithm>
#include <array>

#include "shell/lexer/tilde.hpp"

namespace vsh {

using lex::Token;
using lex::TokenKind;

namespace {

constexpr std::array<std::string_view, 17> kReservedWords = {
    "!",  "{",   "}",  "case", "do",   "done",  "elif",  "else", "esac",
    "fi", "for", "if", "in",   "then", "until", "while", "time"};

// Reserved words that end a compound list: seeing one where a command could start means the
// list is over.
constexpr std::array<std::string_view, 8> kClosingWords = {"}",  "then", "else", "elif",
                                                           "fi", "do",   "done", "esac"};

bool is_reserved(std::string_view text) {
    return std::find(kReservedWords.begin(), kReservedWords.end(), text) != kReservedWords.end();
}

bool is_closing(const Token& token) {
    if (!token.is_plain_word()) return false;
    const std::string& text = token.plain_text();
    return std::find(kClosingWords.begin(), kClosingWords.end(), text) != kClosingWords.end();
}

std::unique_ptr<ast::Command> make_command(ast::SourcePos begin) {
    auto command = std::make_unique<ast::Command>();
    command->span.begin = begin;
    return command;
}

// NAME= at the start of a word token: the name's length, or 0.
std::size_t assignment_name_length(const Token& token) {
    return token.kind == TokenKind::Word ? vsh::assignment_name_length(token.word) : 0;
}

bool is_function_name(const Token& token) {
    if (!token.is_plain_word()) return false;
    const std::string& text = token.plain_text();
    if (is_reserved(text) || text.find('=') != std::string::npos) return false;
    return !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

ast::Word finish_word(ast::Word word) {
    lex::mark_tilde_prefixes(word, lex::TildePlaces::WordStart);
    return word;
}

}  // namespace

Grammar::Grammar(InputSource& source, const AliasTable* aliases, std::uint32_t first_line,
                 int nesting)
    : reader_(source, first_line),
      lexer_(reader_, *this, nesting),
      aliases_(aliases),
      base_nesting_(nesting) {
    lookahead_.emplace_back();
}

// ---- tokens ----

Token& Grammar::peek() {
    Token& token = raw_peek();
    if (alias_next_word_ == kNoAliasEnd || token.begin_offset < alias_next_word_) return token;
    // The token after the text of an alias whose value ends in a blank is checked for an alias
    // whatever its place in the grammar (XCU 2.3.1): a `for` name or its words, a case pattern,
    // a here-document delimiter, not only a command's arguments. Only that one token.
    alias_next_word_ = kNoAliasEnd;
    if (!token.is_plain_word()) return token;
    return peek_command_word(ReservedWords::Ignored);
}

Token& Grammar::raw_peek() {
    Lookahead& current = lookahead_[level_];
    if (!current.valid) {
        lexer_.next(current.token);
        current.valid = true;
    }
    return current.token;
}

Token& Grammar::peek_command_word(ReservedWords reserved) {
    for (;;) {
        Token& token = raw_peek();
        if (aliases_ == nullptr || aliases_->empty() || !token.is_plain_word()) return token;
        const std::string& text = token.plain_text();
        if (reserved == ReservedWords::Recognized && is_reserved(text)) return token;
        auto alias = aliases_->find(text);
        if (alias == aliases_->end() || lexer_.alias_active(text, token.begin_offset)) {
            return token;
        }
        const std::string& value = alias->second;
        // A value ending in a blank makes the word after the alias's text eligible too. An
        // alias substituted inside such a text keeps the outer one's claim (shifted by the
        // change in length).
        const bool blank_end = !value.empty() && (value.back() == ' ' || value.back() == '\t');
        if (blank_end) {
            alias_next_word_ = token.begin_offset + value.size();
        } else if (alias_next_word_ != kNoAliasEnd && alias_next_word_ > token.begin_offset) {
            alias_next_word_ =
                alias_next_word_ + value.size() - (token.end_offset - token.begin_offset);
        } else {
            alias_next_word_ = kNoAliasEnd;
        }
        lexer_.substitute_alias(token, text, value);
        lookahead_[level_].valid = false;
    }
}

void Grammar::consume() {
    Lookahead& current = lookahead_[level_];
    current.valid = false;
    last_end_ = current.token.end;
}

ast::Word Grammar::take_word() {
    ast::Word word = std::move(lookahead_[level_].token.word);
    consume();
    return word;
}

void Grammar::linebreak() {
    while (peek().kind == TokenKind::Newline) consume();
}

void Grammar::linebreak_before_command() {
    while (peek_command_word().kind == TokenKind::Newline) consume();
}

bool Grammar::is_redirection(const Token& token) const {
    switch (token.kind) {
        case TokenKind::IoNumber:
        case TokenKind::Less:
        case TokenKind::Great:
        case TokenKind::DoubleLess:
        case TokenKind::DoubleLessDash:
        case TokenKind::DoubleGreat:
        case TokenKind::LessAnd:
        case TokenKind::GreatAnd:
        case TokenKind::LessGreat:
        case TokenKind::Clobber:
            return true;
        default:
            return false;
    }
}

bool Grammar::starts_command(const Token& token) const {
    if (token.kind == TokenKind::Word) return !is_closing(token);
    return token.kind == TokenKind::LeftParen || is_redirection(token);
}

void Grammar::unexpected(const Token& token, std::string_view expecting) {
    std::string message = "syntax error: unexpected ";
    if (token.kind == TokenKind::Word || token.kind == TokenKind::IoNumber) {
        message += '"';
        message += reader_.text(token.begin_offset, token.end_offset);
        message += '"';
    } else {
        message += lex::describe_operator(token.kind);
    }
    if (!expecting.empty()) {
        message += " (expecting \"";
        message += expecting;
        message += "\")";
    }
    throw lex::SyntaxError{std::move(message), token.begin.line};
}

void Grammar::expect_word(std::string_view reserved) {
    Token& token = peek();
    if (!token.is_plain(reserved)) unexpected(token, reserved);
    consume();
}

// ---- entry points ----

ParseResult Grammar::next_command() {
    reader_.discard_consumed();
    lexer_.forget_aliases();
    lexer_.drop_here_docs();
    level_ = 0;
    lookahead_[0].valid = false;
    alias_next_word_ = kNoAliasEnd;
    try {
        Token& first = peek();
        if (first.kind == TokenKind::End) return EndOfInput{};
        return complete_command();
    } catch (const lex::SyntaxError& error) {
        recover_after_error();
        return ParseError{error.message, error.line};
    }
}

void Grammar::recover_after_error() {
    lexer_.drop_here_docs();
    level_ = 0;
    lookahead_[0].valid = false;
    // Go on after the offending line, unless the error was found at its newline already.
    std::size_t pos = reader_.pos;
    if (pos > 0 && pos <= reader_.buffered() && reader_.text(pos - 1, pos) == "\n") return;
    reader_.set_limit(static_cast<std::size_t>(-1));
    std::size_t end = reader_.line_end(pos);
    reader_.pos = reader_.at(end) == '\n' ? end + 1 : end;
}

std::variant<std::unique_ptr<ast::Command>, ParseError> Grammar::parse_all() {
    auto program = make_command(ast::SourcePos{line(), 1});
    ast::List& list = program->node.emplace<ast::List>();
    bool first = true;
    for (;;) {
        ParseResult result = next_command();
        if (std::holds_alternative<EndOfInput>(result)) break;
        if (auto* error = std::get_if<ParseError>(&result)) return std::move(*error);
        auto& command = std::get<std::unique_ptr<ast::Command>>(result);
        if (first) {
            program->span.begin = command->span.begin;
            first = false;
        }
        program->span.end = command->span.end;
        auto& items = std::get<ast::List>(command->node).items;
        for (ast::ListItem& item : items) list.items.push_back(std::move(item));
    }
    return program;
}

std::shared_ptr<const ast::Command> Grammar::parse_dollar_paren() {
    std::size_t saved_alias_next = alias_next_word_;
    ast::SourcePos saved_end = last_end_;
    ast::SourcePos begin = reader_.where(reader_.pos);
    alias_next_word_ = kNoAliasEnd;
    std::vector<lex::PendingHereDoc> enclosing_here_docs = lexer_.set_aside_here_docs();
    ++level_;
    if (lookahead_.size() <= level_) lookahead_.emplace_back();
    lookahead_[level_].valid = false;
    ast::List body = compound_list();
    Token& close = peek();
    if (close.kind != TokenKind::RightParen) unexpected(close, ")");
    // Consumed without looking further: the enclosing word goes on right after the ')'.
    lookahead_[level_].valid = false;
    ast::SourcePos end = close.begin;
    lexer_.restore_here_docs(std::move(enclosing_here_docs));
    --level_;
    alias_next_word_ = saved_alias_next;
    last_end_ = saved_end;
    if (body.items.empty()) return nullptr;
    auto command = make_command(begin);
    command->span.end = end;
    command->node = std::move(body);
    return command;
}

std::shared_ptr<const ast::Command> Grammar::parse_backquoted(std::string text,
                                                              std::uint32_t line) {
    StringSource source(std::move(text));
    Grammar inner(source, aliases_, line, lexer_.nesting());
    auto result = inner.parse_all();
    if (auto* error = std::get_if<ParseError>(&result)) {
        throw lex::SyntaxError{std::move(error->message), error->line};
    }
    auto& command = std::get<std::unique_ptr<ast::Command>>(result);
    if (std::get<ast::List>(command->node).items.empty()) return nullptr;
    return std::shared_ptr<const ast::Command>(std::move(command));
}

// ---- lists ----

std::unique_ptr<ast::Command> Grammar::complete_command() {
    // The first word may be an alias whose value is empty or starts with a newline: the line
    // is then an empty one, as in dash, bash and mksh.
    Token& first = peek_command_word();
    auto result = make_command(first.begin);
    ast::List& list = result->node.emplace<ast::List>();
    if (first.kind == TokenKind::Newline) {
        consume();
        result->span.end = last_end_;
        return result;
    }
    if (first.kind == TokenKind::End) return result;
    for (;;) {
        ast::ListItem item;
        item.command = and_or();
        Token& separator = peek();
        switch (separator.kind) {
            case TokenKind::Ampersand:
            case TokenKind::Semicolon: {
                item.async =
                    separator.kind == TokenKind::Ampersand ? ast::Async::Yes : ast::Async::No;
                consume();
                list.items.push_back(std::move(item));
                result->span.end = last_end_;
                // Only peek past the separator within this line: stop at its newline (also
                // when an empty alias is all that comes before it).
                Token& next = peek_command_word();
                if (next.kind == TokenKind::Newline) {
                    consume();
                    return result;
                }
                if (next.kind == TokenKind::End) return result;
                continue;
            }
            case TokenKind::Newline:
                list.items.push_back(std::move(item));
                result->span.end = last_end_;
                consume();
                return result;
            case TokenKind::End:
                list.items.push_back(std::move(item));
                result->span.end = last_end_;
                return result;
            default:
                unexpected(separator);
        }
    }
}

ast::List Grammar::compound_list() {
    ast::List list;
    linebreak();
    for (;;) {
        Token& start = peek_command_word();
        if (start.kind == TokenKind::Newline) {  // An alias empty or starting with one.
            linebreak();
            continue;
        }
        if (!starts_command(start)) break;
        ast::ListItem item;
        item.command = and_or();
        Token& separator = peek();
        if (separator.kind == TokenKind::Semicolon || separator.kind == TokenKind::Ampersand) {
            item.async = separator.kind == TokenKind::Ampersand ? ast::Async::Yes : ast::Async::No;
            consume();
            list.items.push_back(std::move(item));
            linebreak();
            continue;
        }
        list.items.push_back(std::move(item));
        if (separator.kind != TokenKind::Newline) break;
        linebreak();
    }
    return list;
}

ast::List Grammar::nonempty_compound_list(std::string_view closing) {
    ast::List list = compound_list();
    if (list.items.empty()) {
        Token& token = peek();
        unexpected(token, token.kind == TokenKind::End ? closing : std::string_view{});
    }
    return list;
}

std::unique_ptr<ast::Command> Grammar::and_or() {
    std::unique_ptr<ast::Command> first = pipeline();
    Token* token = &peek();
    if (token->kind != TokenKind::AndIf && token->kind != TokenKind::OrIf) return first;
    auto result = make_command(first->span.begin);
    ast::AndOrList& list = result->node.emplace<ast::AndOrList>();
    list.items.push_back(std::move(first));
    while (token->kind == TokenKind::AndIf || token->kind == TokenKind::OrIf) {
        list.ops.push_back(token->kind == TokenKind::AndIf ? ast::AndOrOp::And : ast::AndOrOp::Or);
        consume();
        linebreak_before_command();
        list.items.push_back(pipeline());
        token = &peek();
    }
    result->span.end = last_end_;
    return result;
}

std::unique_ptr<ast::Command> Grammar::pipeline() {
    Token& first = peek_command_word();
    if (!first.is_plain("time")) return pipeline_body();
    auto result = make_command(first.begin);
    ast::Timed& timed = result->node.emplace<ast::Timed>();
    consume();
    Token* next = &peek_command_word();
    if (next->is_plain("-p")) {
        timed.posix_format = true;
        consume();
        next = &peek_command_word();
    }
    if (starts_command(*next) || next->is_plain("!")) timed.pipeline = pipeline_body();
    result->span.end = last_end_;
    return result;
}

std::unique_ptr<ast::Command> Grammar::pipeline_body() {
    Token* first = &peek_command_word();
    ast::SourcePos begin = first->begin;
    bool negated = false;
    while (first->is_plain("!")) {
        negated = !negated;
        consume();
        first = &peek_command_word();
    }
    std::unique_ptr<ast::Command> command_node = command();
    if (!negated && peek().kind != TokenKind::Pipe) return command_node;
    auto result = make_command(begin);
    ast::Pipeline& pipe = result->node.emplace<ast::Pipeline>();
    pipe.negated = negated;
    pipe.commands.push_back(std::move(command_node));
    while (peek().kind == TokenKind::Pipe) {
        consume();
        linebreak_before_command();
        pipe.commands.push_back(command());
    }
    result->span.end = last_end_;
    return result;
}

// ---- commands ----

std::unique_ptr<ast::Command> Grammar::command() {
    Token& token = peek_command_word();
    if (token.kind == TokenKind::LeftParen) return compound_command();
    if (token.kind != TokenKind::Word) return simple_command(nullptr);
    if (token.is_plain_word()) {
        const std::string& text = token.plain_text();
        if (text == "{" || text == "if" || text == "while" || text == "until" || text == "for" ||
            text == "case") {
            return compound_command();
        }
        if (is_closing(token) || text == "!") unexpected(token);
    }
    if (assignment_name_length(token) > 0 || !is_function_name(token)) {
        return simple_command(nullptr);
    }
    // A name: a function definition if "(" follows, else a command name.
    Token name = std::move(token);
    consume();
    if (peek().kind == TokenKind::LeftParen) return function_definition(name);
    return simple_command(&name);
}

std::unique_ptr<ast::Command> Grammar::function_definition(Token& name) {
    auto result = make_command(name.begin);
    consume();  // (
    Token& close = peek();
    if (close.kind != TokenKind::RightParen) unexpected(close, ")");
    consume();
    linebreak();
    Token& body_start = peek();
    bool compound = body_start.kind == TokenKind::LeftParen;
    if (body_start.is_plain_word()) {
        const std::string& text = body_start.plain_text();
        compound = text == "{" || text == "if" || text == "while" || text == "until" ||
                   text == "for" || text == "case";
    }
    if (!compound) unexpected(body_start);
    ast::FunctionDef& definition = result->node.emplace<ast::FunctionDef>();
    definition.name = name.plain_text();
    definition.body = compound_command();
    result->span.end = last_end_;
    return result;
}

std::unique_ptr<ast::Command> Grammar::compound_command() {
    Token& token = peek();
    lexer_.enter(token.begin_offset);
    auto result = make_command(token.begin);
    if (token.kind == TokenKind::LeftParen) {
        subshell(*result);
    } else {
        const std::string text = token.plain_text();
        if (text == "{") {
            brace_group(*result);
        } else if (text == "if") {
            if_clause(*result);
        } else if (text == "while") {
            loop(*result, ast::LoopKind::While);
        } else if (text == "until") {
            loop(*result, ast::LoopKind::Until);
        } else if (text == "for") {
            for_clause(*result);
        } else {
            case_clause(*result);
        }
    }
    result->span.end = last_end_;
    redirections(*result);
    result->span.end = last_end_;
    lexer_.leave();
    return result;
}

void Grammar::brace_group(ast::Command& command) {
    consume();
    ast::BraceGroup& group = command.node.emplace<ast::BraceGroup>();
    group.body = nonempty_compound_list("}");
    expect_word("}");
}

void Grammar::subshell(ast::Command& command) {
    consume();
    ast::Subshell& sub = command.node.emplace<ast::Subshell>();
    sub.body = nonempty_compound_list(")");
    Token& close = peek();
    if (close.kind != TokenKind::RightParen) unexpected(close, ")");
    consume();
}

void Grammar::if_clause(ast::Command& command) {
    consume();
    ast::If& node = command.node.emplace<ast::If>();
    for (;;) {
        ast::IfBranch branch;
        branch.condition = nonempty_compound_list("then");
        expect_word("then");
        branch.body = nonempty_compound_list("fi");
        node.branches.push_back(std::move(branch));
        Token& next = peek();
        if (next.is_plain("elif")) {
            consume();
            continue;
        }
        if (next.is_plain("else")) {
            consume();
            node.else_body = nonempty_compound_list("fi");
        }
        expect_word("fi");
        return;
    }
}

void Grammar::loop(ast::Command& command, ast::LoopKind kind) {
    consume();
    ast::Loop& node = command.node.emplace<ast::Loop>();
    node.kind = kind;
    node.condition = nonempty_compound_list("do");
    expect_word("do");
    node.body = nonempty_compound_list("done");
    expect_word("done");
}

void Grammar::for_clause(ast::Command& command) {
    consume();
    ast::For& node = *command.node.emplace<std::unique_ptr<ast::For>>(std::make_unique<ast::For>());
    Token& name = peek();
    if (name.kind != TokenKind::Word) unexpected(name);
    if (!name.is_plain_word() || !is_name(name.plain_text())) {
        throw lex::SyntaxError{"syntax error: bad for loop variable", name.begin.line};
    }
    node.name = name.plain_text();
    node.name_span = {name.begin, name.end};
    consume();
    if (peek().kind == TokenKind::Semicolon) {
        consume();
    } else {
        linebreak();
        // Where `in` may come, an alias may stand for it (dash and mksh do the same).
        if (peek_command_word().is_plain("in")) {
            consume();
            node.has_in = true;
            for (;;) {
                Token& word = peek();
                if (word.kind == TokenKind::Word) {
                    node.words.push_back(finish_word(take_word()));
                    continue;
                }
                if (word.kind != TokenKind::Semicolon && word.kind != TokenKind::Newline) {
                    unexpected(word);
                }
                consume();
                break;
            }
        }
    }
    linebreak();
    peek_command_word();  // `do` may come from an alias too.
    expect_word("do");
    node.body = nonempty_compound_list("done");
    expect_word("done");
}

void Grammar::case_clause(ast::Command& command) {
    consume();
    ast::Case& node = command.node.emplace<ast::Case>();
    Token& subject = peek();
    if (subject.kind != TokenKind::Word) unexpected(subject);
    node.subject = finish_word(take_word());
    linebreak();
    peek_command_word();  // `in` may come from an alias.
    expect_word("in");
    linebreak();
    for (;;) {
        Token* token = &peek();
        if (token->is_plain("esac")) {
            consume();
            return;
        }
        ast::CaseItem item;
        item.span.begin = token->begin;
        if (token->kind == TokenKind::LeftParen) {
            consume();
            token = &peek();
        }
        for (;;) {
            if (token->kind != TokenKind::Word) unexpected(*token);
            item.patterns.push_back(finish_word(take_word()));
            token = &peek();
            if (token->kind == TokenKind::Pipe) {
                consume();
                token = &peek();
                continue;
            }
            if (token->kind != TokenKind::RightParen) unexpected(*token, ")");
            consume();
            break;
        }
        item.body = compound_list();
        token = &peek();
        if (token->kind == TokenKind::DoubleSemi || token->kind == TokenKind::SemiAnd) {
            item.terminator = token->kind == TokenKind::DoubleSemi
                                  ? ast::CaseTerminator::Break
                                  : ast::CaseTerminator::FallThrough;
            consume();
            item.span.end = last_end_;
            node.items.push_back(std::move(item));
            linebreak();
            continue;
        }
        if (!token->is_plain("esac")) unexpected(*token, "esac");
        item.span.end = last_end_;
        node.items.push_back(std::move(item));
        consume();
        return;
    }
}

std::unique_ptr<ast::Command> Grammar::simple_command(Token* first_word) {
    auto result = make_command(first_word != nullptr ? first_word->begin : peek().begin);
    ast::SimpleCommand& simple = result->node.emplace<ast::SimpleCommand>();
    if (first_word != nullptr) {
        simple.words.push_back(finish_word(std::move(first_word->word)));
        last_end_ = first_word->end;
    }
    for (;;) {
        bool before_name = simple.words.empty();
        Token* token;
        // command() has already read the first word with reserved words recognised; here a
        // word is past a prefix (assignment or redirection) or an argument.
        if (before_name) {
            token = &peek_command_word(ReservedWords::Ignored);
        } else if (alias_next_word_ != kNoAliasEnd && peek().begin_offset >= alias_next_word_) {
            alias_next_word_ = kNoAliasEnd;
            token = &peek_command_word(ReservedWords::Ignored);
        } else {
            token = &peek();
        }
        if (is_redirection(*token)) {
            redirection(*result);
            continue;
        }
        if (token->kind != TokenKind::Word) break;
        std::size_t name_length = before_name ? assignment_name_length(*token) : 0;
        if (name_length > 0) {
            ast::Assignment assignment;
            assignment.span = {token->begin, token->end};
            ast::Word value = take_word();
            assignment.name = value[0].text.substr(0, name_length);
            value[0].text.erase(0, name_length + 1);
            if (value[0].text.empty()) value.erase(value.begin());
            lex::mark_tilde_prefixes(value, lex::TildePlaces::AssignmentValue);
            assignment.value = std::move(value);
            simple.assignments.push_back(std::move(assignment));
            continue;
        }
        simple.words.push_back(finish_word(take_word()));
    }
    if (simple.words.empty() && simple.assignments.empty() && result->redirections.empty()) {
        unexpected(peek());
    }
    for (std::size_t i = declaration_arguments_start(simple.words);
         i > 0 && i < simple.words.size(); ++i) {
        mark_declaration_tildes(simple.words[i]);
    }
    // The vectors grew by doubling; a stored tree keeps only what it holds (a tree's size is
    // what a fork of shell code copies page tables for).
    simple.words.shrink_to_fit();
    result->span.end = last_end_;
    return result;
}

void Grammar::redirections(ast::Command& command) {
    while (is_redirection(peek())) redirection(command);
}

void Grammar::redirection(ast::Command& command) {
    Token* token = &peek();
    ast::Redirection redirect;
    redirect.span.begin = token->begin;
    int fd = -1;
    if (token->kind == TokenKind::IoNumber) {
        fd = token->io_number;
        consume();
        token = &peek();
    }
    TokenKind op = token->kind;
    bool input_default = true;
    switch (op) {
        case TokenKind::Less:
            redirect.op = ast::RedirOp::Input;
            break;
        case TokenKind::Great:
            redirect.op = ast::RedirOp::Output;
            input_default = false;
            break;
        case TokenKind::Clobber:
            redirect.op = ast::RedirOp::Clobber;
            input_default = false;
            break;
        case TokenKind::DoubleGreat:
            redirect.op = ast::RedirOp::Append;
            input_default = false;
            break;
        case TokenKind::LessGreat:
            redirect.op = ast::RedirOp::ReadWrite;
            break;
        case TokenKind::LessAnd:
            redirect.op = ast::RedirOp::DupInput;
            break;
        case TokenKind::GreatAnd:
            redirect.op = ast::RedirOp::DupOutput;
            input_default = false;
            break;
        case TokenKind::DoubleLess:
        case TokenKind::DoubleLessDash:
            redirect.op = ast::RedirOp::HereDoc;
            redirect.strip_tabs = op == TokenKind::DoubleLessDash;
            break;
        default:
            unexpected(*token);
    }
    redirect.fd = fd >= 0 ? fd : (input_default ? 0 : 1);
    consume();
    const std::size_t here_docs_before_target = lexer_.pending_here_doc_count();
    Token& target = peek();
    if (target.kind != TokenKind::Word) unexpected(target);
    if (redirect.op == ast::RedirOp::HereDoc) {
        lex::PendingHereDoc here_doc;
        redirect.here_doc_delimiter = reader_.text(target.begin_offset, target.end_offset);
        here_doc.delimiter = lex::here_doc_delimiter(redirect.here_doc_delimiter, &here_doc.quoted);
        here_doc.strip_tabs = redirect.strip_tabs;
        here_doc.command = &command;
        here_doc.index = command.redirections.size();
        consume();
        // The delimiter's word (and any substitution in it) is gone: so are its own.
        lexer_.drop_here_docs_from(here_docs_before_target);
        lexer_.add_here_doc(std::move(here_doc));
    } else {
        redirect.target = finish_word(take_word());
    }
    redirect.span.end = last_end_;
    command.redirections.push_back(std::move(redirect));
}

}  // namespace vsh
