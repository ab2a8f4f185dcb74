#pragma once

// A copy of the sample batch in a temporary folder, with the path of its store, for the store's
// tests. A test class derives from it besides QObject and calls setUpBatch() in init().

#include "checker.h"
#include "countryaliases.h"
#include "reviewstore.h"
#include "schema.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace annorev::test {

// The first four documents of the sample batch, by id.
inline const QString first = QStringLiteral("000_fb52d27db3b8b6ee.txt");
inline const QString second = QStringLiteral("001_1d6e54ff941a55a9.txt");
inline const QString third = QStringLiteral("002_f429afe5dd9093a8.txt");
inline const QString fourth = QStringLiteral("003_2b600daee4a931dd.txt");
// An unclosed tag: a markup-malformed error finding.
inline const QByteArray withError = "Trained on <hardware>NVIDIA A100 GPUs by <model>Foo-7B</model>.\n";

using RawStore = SqlFile;

class StoreTestBatch
{
protected:
    void setUpBatch()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_batch = copySamples(*m_dir);
        m_storePath = ReviewStore::defaultStorePath({m_batch});
    }
    void tearDownBatch() { m_dir.reset(); }

    std::unique_ptr<ReviewStore> openStore() const { return openedStore(m_storePath); }
    // Syncs the store with the batch as "tester"; an empty report (and a warning) if that fails.
    ReviewStore::SyncReport sync(ReviewStore &store) const
    {
        const auto report = store.sync({m_batch}, Schema::builtin(), m_checker, QStringLiteral("tester"));
        if (!report) {
            qWarning("%s", qPrintable(report.error().message));
            return {};
        }
        return *report;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    QString m_storePath;
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
};

} // namespace annorev::test
