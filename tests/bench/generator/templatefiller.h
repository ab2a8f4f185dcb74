#pragma once

#include "modelfacts.h"
#include "seededrandom.h"
#include "vocabulary.h"

#include <QByteArray>

#include <cstddef>

namespace annorev::bench {

// Fills sentence templates for one document: a {slot} that names a fact is the document's fact,
// tagged unless the document has no tags; any other slot is a word or number drawn for it.
class TemplateFiller
{
public:
    TemplateFiller(SeededRandom &rng, const ModelFacts &facts) : m_rng(rng), m_facts(facts) {}

    // A sentence drawn from pool and filled; with `used`, one this document has not drawn yet.
    template<std::size_t N>
    QByteArray sentence(const Sv (&pool)[N], quint64 *used = nullptr)
    {
        static_assert(N <= 64);
        qsizetype index = m_rng.below(N);
        if (used) {
            // Pools are much larger than a document's draws from them, so this ends quickly.
            while (*used & (quint64(1) << index)) {
                index = m_rng.below(N);
            }
            *used |= quint64(1) << index;
        }
        return fill(pool[index]);
    }

    QByteArray fill(Sv pattern);
    // <label>value</label>, or the value alone in a document without tags.
    void tag(QByteArray &out, Sv label, const QByteArray &value) const;

private:
    void fillSlot(QByteArray &out, Sv slot);
    bool fillFact(QByteArray &out, Sv slot);
    void putParams(QByteArray &out, const ParamSize &size);
    void putHardware(QByteArray &out);
    void putCountry(QByteArray &out);

    SeededRandom &m_rng;
    const ModelFacts &m_facts;
    Sv m_lastBenchmark;
};

} // namespace annorev::bench
