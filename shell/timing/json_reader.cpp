#include "shell/timing/json_reader.hpp"
#include <cerrno>
#include <cstdlib>

#include <charconv>

namespace vsh {

namespace {

// A recursive-descent reader over one line. Every parse_* returns false on a syntax error and
// leaves pos_ somewhere inside the bad input; the caller then gives up on the whole line.
class Reader {
  public:
    explicit Reader(std::string_view text) : text_(text) {}

    bool at_end() {
        skip_space();
        return pos_ == text_.size();
    }

    bool parse_object(JsonObject* into, int depth) {
        if (depth > 64 || !consume('{')) return false;
        if (consume('}')) return true;
        for (;;) {
            std::string key;
            skip_space();
            if (!parse_string(&key) || !consume(':')) return false;
            JsonScalar value;
            if (!parse_value(&value, depth)) return false;
            if (into != nullptr) into->emplace_back(std::move(key), std::move(value));
            if (consume('}')) return true;
            if (!consume(',')) return false;
        }
    }

  private:
    bool parse_array(int depth) {
        if (depth > 64 || !consume('[')) return false;
        if (consume(']')) return true;
        for (;;) {
            JsonScalar ignored;
            if (!parse_value(&ignored, depth)) return false;
            if (consume(']')) return true;
            if (!consume(',')) return false;
        }
    }

    bool parse_value(JsonScalar* value, int depth) {
        skip_space();
        if (pos_ >= text_.size()) return false;
        char c = text_[pos_];
        if (c == '"') {
            value->kind = JsonScalar::Kind::String;
            return parse_string(&value->text);
        }
        if (c == '{') {
            value->kind = JsonScalar::Kind::Nested;
            return parse_object(nullptr, depth + 1);
        }
        if (c == '[') {
            value->kind = JsonScalar::Kind::Nested;
            return parse_array(depth + 1);
        }
        if (literal("null")) {
            value->kind = JsonScalar::Kind::Null;
            return true;
        }
        if (literal("true") || literal("false")) {
            value->kind = JsonScalar::Kind::Boolean;
            value->boolean = text_[pos_ - 4] == 't';  // "true" is the only 4-letter one.
            return true;
        }
        value->kind = JsonScalar::Kind::Number;
        return parse_number(value);
    }

    // JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    bool parse_number(JsonScalar* value) {
        std::size_t start = pos_;
        if (peek('-')) ++pos_;
        if (peek('0')) {
            ++pos_;
        } else if (!digits()) {
            return false;
        }
        if (peek('.')) {
            ++pos_;
            if (!digits()) return false;
        }
        if (peek('e') || peek('E')) {
            ++pos_;
            if (peek('+') || peek('-')) ++pos_;
            if (!digits()) return false;
        }
        value->text.assign(text_.substr(start, pos_ - start));
        // strtod, not std::from_chars: libstdc++'s floating from_chars pulls libm into vsh,
        // one more library for the loader on every start-up. The text is validated above and
        // JSON numbers never depend on the locale's decimal point here (LC_NUMERIC stays C).
        errno = 0;
        value->number = std::strtod(value->text.c_str(), nullptr);
        return true;
    }

    bool parse_string(std::string* out) {
        if (!peek('"')) return false;
        ++pos_;
        while (pos_ < text_.size()) {
            unsigned char c = static_cast<unsigned char>(text_[pos_++]);
            if (c == '"') return true;
            if (c < 0x20) return false;  // Control characters must be escaped.
            if (c != '\\') {
                out->push_back(static_cast<char>(c));
                continue;
            }
            if (pos_ >= text_.size()) return false;
            char e = text_[pos_++];
            switch (e) {
                case '"':
                    out->push_back('"');
                    break;
                case '\\':
                    out->push_back('\\');
                    break;
                case '/':
                    out->push_back('/');
                    break;
                case 'b':
                    out->push_back('\b');
                    break;
                case 'f':
                    out->push_back('\f');
                    break;
                case 'n':
                    out->push_back('\n');
                    break;
                case 'r':
                    out->push_back('\r');
                    break;
                case 't':
                    out->push_back('\t');
                    break;
                case 'u': {
                    unsigned code;
                    if (!hex4(&code)) return false;
                    // A surrogate pair is one code point; a lone surrogate is kept as is
                    // (encoded like any other code point), as lenient readers do.
                    if (code >= 0xd800 && code <= 0xdbff && text_.substr(pos_, 2) == "\\u") {
                        std::size_t save = pos_;
                        pos_ += 2;
                        unsigned low;
                        if (hex4(&low) && low >= 0xdc00 && low <= 0xdfff) {
                            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                        } else {
                            pos_ = save;
                        }
                    }
                    append_utf8(out, code);
                    break;
                }
                default:
                    return false;
            }
        }
        return false;
    }

    bool hex4(unsigned* code) {
        if (pos_ + 4 > text_.size()) return false;
        *code = 0;
        for (int k = 0; k < 4; ++k) {
            char h = text_[pos_++];
            unsigned digit;
            if (h >= '0' && h <= '9') {
                digit = static_cast<unsigned>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                digit = static_cast<unsigned>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                digit = static_cast<unsigned>(h - 'A' + 10);
            } else {
                return false;
            }
            *code = *code * 16 + digit;
        }
        return true;
    }

    static void append_utf8(std::string* out, unsigned code) {
        if (code < 0x80) {
            out->push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out->push_back(static_cast<char>(0xc0 | (code >> 6)));
            out->push_back(static_cast<char>(0x80 | (code & 0x3f)));
        } else if (code < 0x10000) {
            out->push_back(static_cast<char>(0xe0 | (code >> 12)));
            out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3f)));
            out->push_back(static_cast<char>(0x80 | (code & 0x3f)));
        } else {
            out->push_back(static_cast<char>(0xf0 | (code >> 18)));
            out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3f)));
            out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3f)));
            out->push_back(static_cast<char>(0x80 | (code & 0x3f)));
        }
    }

    bool digits() {
        std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        return pos_ > start;
    }

    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

    bool consume(char c) {
        skip_space();
        if (!peek(c)) return false;
        ++pos_;
        return true;
    }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                       text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

std::optional<JsonObject> parse_json_object(std::string_view line) {
    Reader reader(line);
    JsonObject object;
    if (!reader.parse_object(&object, 0) || !reader.at_end()) return std::nullopt;
    return object;
}

const JsonScalar* json_field(const JsonObject& object, std::string_view key) {
    for (const auto& [name, value] : object) {
        if (name == key) return &value;
    }
    return nullptr;
}

std::optional<std::int64_t> seconds_literal_to_us(std::string_view literal) {
    std::int64_t whole = 0, fraction = 0;
    std::size_t i = 0;
    if (literal.empty() || literal[0] == '-') return std::nullopt;
    for (; i < literal.size() && literal[i] != '.'; ++i) {
        if (literal[i] < '0' || literal[i] > '9') return std::nullopt;  // Exponents: not ours.
        if (__builtin_mul_overflow(whole, 10, &whole) ||
            __builtin_add_overflow(whole, literal[i] - '0', &whole))
            return std::nullopt;
    }
    int places = 0;
    if (i < literal.size()) {
        for (++i; i < literal.size(); ++i) {
            if (literal[i] < '0' || literal[i] > '9') return std::nullopt;
            if (places < 6) {
                fraction = fraction * 10 + (literal[i] - '0');
                ++places;
            }
        }
    }
    for (; places < 6; ++places) fraction *= 10;
    std::int64_t us = 0;
    if (__builtin_mul_overflow(whole, 1000000, &us) || __builtin_add_overflow(us, fraction, &us))
        return std::nullopt;
    return us;
}

}  // namespace vsh
