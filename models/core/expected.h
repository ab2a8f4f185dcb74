#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace annorev {

// Why something could not be read or written, in words for the person at the keyboard: a store
// error names the store.
struct Error
{
    QString message;
};

// A value, or the error that kept it from being made. A failed read travels up to whoever can
// tell the user, instead of becoming an empty list that looks like an empty batch (Qt Creator's
// expected_str does the same). std::expected is C++23; GCC 12 offers it only under -std=c++23,
// so this is the part of it annorev needs, under the same names so that moving to it later is
// a search and replace.
template <typename T> class [[nodiscard]] Expected
{
    static_assert(!std::is_same_v<std::remove_cv_t<T>, Error>, "an Expected<Error> could not tell the two apart");

public:
    template <typename U = T>
    requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::remove_cvref_t<U>, Error> &&
             !std::is_same_v<std::remove_cvref_t<U>, Expected>) Expected(U &&value)
        : m_state(std::in_place_index<0>, std::forward<U>(value))
    {
    }
    Expected(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T &value() &
    {
        Q_ASSERT(has_value());
        return *std::get_if<0>(&m_state);
    }
    const T &value() const &
    {
        Q_ASSERT(has_value());
        return *std::get_if<0>(&m_state);
    }
    // By value, not T&&: `for (const auto &x : *store.listEntries())` would otherwise iterate a
    // destroyed temporary (C++20 extends the life of the range, not of what it was taken from).
    T value() &&
    {
        Q_ASSERT(has_value());
        return std::move(*std::get_if<0>(&m_state));
    }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    template <typename U> T value_or(U &&fallback) const &
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

    const Error &error() const
    {
        Q_ASSERT(!has_value());
        return *std::get_if<1>(&m_state);
    }

private:
    std::variant<T, Error> m_state;
};

// Done, or the error that stopped it: what a write returns.
template <> class [[nodiscard]] Expected<void>
{
public:
    Expected() = default;
    Expected(Error error) : m_error(std::move(error)) {}

    bool has_value() const { return !m_error; }
    explicit operator bool() const { return has_value(); }

    const Error &error() const
    {
        Q_ASSERT(m_error);
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

} // namespace annorev
