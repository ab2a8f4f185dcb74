#pragma once

// How the tests check an Expected: QVERIFY_OK where a call must succeed, errorOf() where a test
// compares the message of one that must fail. Apart from testsupport.h so that the tests linking
// annorev_core alone can use it.

#include "expected.h"

#include <QString>
#include <QTest>

// Verifies that a call returning an Expected succeeded, printing its error when it did not.
#define QVERIFY_OK(expression)                                                                                         \
    do {                                                                                                               \
        const auto verifiedResult = (expression);                                                                      \
        QVERIFY2(verifiedResult.has_value(), qPrintable(annorev::test::errorOf(verifiedResult)));                      \
    } while (false)

namespace annorev::test {

// The message of a call that failed; empty when it succeeded.
template <typename T> QString errorOf(const Expected<T> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace annorev::test
