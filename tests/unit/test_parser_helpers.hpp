// Shared helpers for the lexer and parser tests: parse text and look at the tree through
// vsh::dump_command's compact text form.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "shell/parser/ast_dump.hpp"
#include "shell/parser/parser.hpp"

namespace parser_test {

// The whole program's dump, or "ERROR <line>: <message>".
inline std::string program(std::string_view text, const vsh::AliasTable* aliases = nullptr) {
    auto result = vsh::parse_program(text, aliases);
    if (auto* error = std::get_if<vsh::ParseError>(&result)) {
        return "ERROR " + std::to_string(error->line) + ": " + error->message;
    }
    return vsh::dump_command(*std::get<std::unique_ptr<vsh::ast::Command>>(result));
}

// The dump of a program that holds one command, without the enclosing (list ...).
inline std::string command(std::string_view text, const vsh::AliasTable* aliases = nullptr) {
    std::string dump = program(text, aliases);
    if (dump.rfind("(list ", 0) != 0) return dump;
    return dump.substr(6, dump.size() - 7);
}

// The error message only ("" when the text parses).
inline std::string error_of(std::string_view text) {
    auto result = vsh::parse_program(text, nullptr);
    if (auto* error = std::get_if<vsh::ParseError>(&result)) return error->message;
    return "";
}

inline std::uint32_t error_line(std::string_view text) {
    auto result = vsh::parse_program(text, nullptr);
    if (auto* error = std::get_if<vsh::ParseError>(&result)) return error->line;
    return 0;
}

// Parses `text` and returns its tree (fails the test on a syntax error).
inline std::unique_ptr<vsh::ast::Command> tree(std::string_view text) {
    auto result = vsh::parse_program(text, nullptr);
    if (auto* error = std::get_if<vsh::ParseError>(&result)) {
        throw std::runtime_error("unexpected parse error: " + error->message);
    }
    return std::move(std::get<std::unique_ptr<vsh::ast::Command>>(result));
}

}  // namespace parser_test
