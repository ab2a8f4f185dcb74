#include "documentgenerator.h"

#include "faults.h"
#include "faultytext.h"
#include "htmlform.h"
#include "modelfacts.h"
#include "seededrandom.h"
#include "sentencepools.h"
#include "templatefiller.h"

#include <QList>

#include <utility>

namespace annorev::bench {

namespace {

using Paragraph = QList<QByteArray>;

// One document: draws its faults and facts, lays out paragraphs of filled sentences, then makes
// the faults that are easier to make in the finished text. Every draw comes from one SeededRandom
// in a fixed order, so reordering the calls here changes every generated batch.
class Builder
{
public:
    Builder(quint64 seed, double faultRate, bool allowCrlf)
        : m_rng(seed), m_faultRate(faultRate), m_allowCrlf(allowCrlf)
    {
    }

    GeneratedDocument build();

private:
    bool writeOpening(Paragraph &first, bool countryInIntro, bool yearInIntro);
    void writeMethod(Paragraph &second, bool params);
    void writeResults(QList<Paragraph> &paragraphs);
    void placeLaterFacts(Paragraph &last, bool country, bool year);
    void insertFaultSentences(QList<Paragraph> &paragraphs);
    void makeTextFaults(QByteArray &text);

    template<typename T>
    void shuffle(QList<T> &items);
    void insertAnywhere(Paragraph &paragraph, QByteArray text);

    SeededRandom m_rng;
    double m_faultRate;
    bool m_allowCrlf;
    Faults m_faults;
    ModelFacts m_facts;
    TemplateFiller m_filler{m_rng, m_facts};
};

GeneratedDocument Builder::build()
{
    m_faults = Faults::draw(m_rng, m_faultRate, m_allowCrlf);
    m_facts = drawModelFacts(m_rng, m_faults);

    const qsizetype roll = m_rng.below(100);
    const qsizetype paragraphCount = roll < 30 ? 2 : roll < 75 ? 3 : 4;
    QList<Paragraph> paragraphs(paragraphCount);
    const bool countryInIntro = m_facts.country && m_rng.chance(0.6);
    const bool yearInIntro = !m_facts.year.isEmpty() && m_rng.chance(0.5);
    const bool paramsFirst = writeOpening(paragraphs[0], countryInIntro, yearInIntro);
    writeMethod(paragraphs[1], m_facts.hasParams && !paramsFirst);
    writeResults(paragraphs);
    placeLaterFacts(paragraphs.last(), m_facts.country && !countryInIntro, !m_facts.year.isEmpty() && !yearInIntro);
    insertFaultSentences(paragraphs);

    QList<QByteArray> joined;
    for (const Paragraph &paragraph : std::as_const(paragraphs)) {
        joined.append(paragraph.join(' '));
    }
    QByteArray text = joined.join("\n\n");
    makeTextFaults(text);

    GeneratedDocument document;
    document.html = m_rng.chance(0.06);
    if (document.html) {
        text = toHtml(m_rng, text.split('\n'));
        document.htmlFileName = m_rng.chance(0.7);
    }
    if (m_faults.has(Fault::CrlfLineEndings)) {
        text.replace('\n', "\r\n");
    }
    document.text = std::move(text);
    return document;
}

// The introduction, the parameter count (usually) and the architecture; true when the count is here.
bool Builder::writeOpening(Paragraph &first, bool countryInIntro, bool yearInIntro)
{
    QByteArray intro = countryInIntro && yearInIntro ? m_filler.sentence(kIntroCountryYear)
                       : countryInIntro              ? m_filler.sentence(kIntroCountry)
                       : yearInIntro                 ? m_filler.sentence(kIntroYear)
                       : m_facts.decoration == 0     ? m_filler.sentence(kDecoratedIntro)
                                                     : m_filler.sentence(kIntroPlain);
    const bool paramsFirst = m_facts.hasParams && m_rng.chance(0.75);
    if (paramsFirst) {
        first.append(m_facts.decoration == 1 ? m_filler.sentence(kDecoratedParams) : m_filler.sentence(kParams));
    }
    quint64 usedArchitecture = 0;
    for (qint64 n = m_rng.between(1, 3); n > 0; --n) {
        first.append(m_filler.sentence(kArchitecture, &usedArchitecture));
    }
    shuffle(first);
    first.prepend(intro);
    return paramsFirst;
}

// The hardware, the training time and the optimisation, with the parameter count if it is not yet told.
void Builder::writeMethod(Paragraph &second, bool params)
{
    if (params) {
        second.append(m_facts.decoration == 1 ? m_filler.sentence(kDecoratedParams) : m_filler.sentence(kParams));
    }
    if (m_facts.hasHardware && m_facts.hasTraining && m_rng.chance(0.25)) {
        second.append(m_filler.sentence(kHardwareAndTraining));
    } else {
        if (m_facts.hasHardware) {
            second.append(m_filler.sentence(kHardware));
        }
        if (m_facts.hasTraining) {
            second.append(m_filler.sentence(kTraining));
        }
    }
    quint64 usedOptimisation = 0;
    for (qint64 n = m_rng.between(1, 3); n > 0; --n) {
        second.append(m_filler.sentence(kOptimisation, &usedOptimisation));
    }
    shuffle(second);
}

// The evaluation (the second paragraph's end in a two-paragraph document) and a closing paragraph.
void Builder::writeResults(QList<Paragraph> &paragraphs)
{
    const qsizetype paragraphCount = paragraphs.size();
    Paragraph &evaluation = paragraphs[paragraphCount >= 3 ? 2 : 1];
    quint64 usedEvaluation = 0;
    for (qint64 n = paragraphCount >= 3 ? m_rng.between(2, 3) : m_rng.between(1, 2); n > 0; --n) {
        evaluation.append(m_filler.sentence(kEvaluation, &usedEvaluation));
    }
    if (m_facts.decoration == 2) {
        insertAnywhere(evaluation, m_filler.sentence(kDecoratedEvaluation));
    }
    if (paragraphCount == 4) {
        quint64 usedClosing = 0;
        for (qint64 n = m_rng.between(1, 2); n > 0; --n) {
            paragraphs[3].append(m_filler.sentence(kClosing, &usedClosing));
        }
    }
}

// The country and year the introduction did not tell.
void Builder::placeLaterFacts(Paragraph &last, bool country, bool year)
{
    if (country && year && m_rng.chance(0.4)) {
        insertAnywhere(last, m_filler.sentence(kCountryAndYearLater));
    } else {
        if (country) {
            insertAnywhere(last, m_filler.sentence(kCountryLater));
        }
        if (year) {
            insertAnywhere(last, m_filler.sentence(kYearLater));
        }
    }
}

void Builder::insertFaultSentences(QList<Paragraph> &paragraphs)
{
    const auto laterParagraph = [&]() -> Paragraph & {
        return paragraphs[m_rng.between(1, paragraphs.size() - 1)];
    };
    if (m_faults.has(Fault::ConflictingParams)) {
        insertAnywhere(laterParagraph(), m_filler.sentence(kConflictingParams));
    }
    if (m_faults.has(Fault::SecondModel)) {
        insertAnywhere(laterParagraph(), m_filler.sentence(kSecondModel));
    }
    if (m_faults.has(Fault::UnknownLabel) && !m_facts.renameHardware) {
        insertAnywhere(laterParagraph(), unknownLabelSentence(m_rng, m_filler, *m_facts.accelerator));
    }
}

void Builder::makeTextFaults(QByteArray &text)
{
    if (m_faults.has(Fault::UntaggedModelRepeat)) {
        untagOneModelMention(m_rng, m_filler, m_facts.model, text);
    }
    if (m_facts.renameHardware) {
        text.replace("<hardware>", "<gpu_type>").replace("</hardware>", "</gpu_type>");
    }
    if (m_faults.has(Fault::PaddedSpan)) {
        padOneSpan(m_rng, text);
    }
    if (m_faults.has(Fault::UnclosedTag)) {
        dropOneClosingTag(m_rng, text);
    }
    if (m_faults.has(Fault::Mojibake)) {
        mojibake(text);
    }
}

template<typename T>
void Builder::shuffle(QList<T> &items)
{
    for (qsizetype i = items.size() - 1; i > 0; --i) {
        items.swapItemsAt(i, m_rng.below(i + 1));
    }
}

void Builder::insertAnywhere(Paragraph &paragraph, QByteArray text)
{
    paragraph.insert(m_rng.below(paragraph.size() + 1), std::move(text));
}

} // namespace

DocumentGenerator::DocumentGenerator(double faultRate, bool allowCrlf)
    : m_faultRate(faultRate), m_allowCrlf(allowCrlf)
{
}

GeneratedDocument DocumentGenerator::generate(quint64 documentSeed) const
{
    return Builder(documentSeed, m_faultRate, m_allowCrlf).build();
}

} // namespace annorev::bench
