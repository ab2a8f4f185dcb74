#pragma once

#include "expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <memory>

namespace annorev {

// How a store keeps texts small: each text is packed on its own, so that one document reads and
// writes without its neighbours, and compressed with Zstandard against a dictionary trained on
// the batch's own documents (short texts share little with themselves, much with each other: on
// generated batches a dictionary takes a JSON line from 1.6× to 9× smaller).
//
// A packed text is one format byte and what it says: 0 the text as it is (short or
// incompressible), 1 a Zstandard frame with a checksum of the text, which names the dictionary it needs by the id the
// trainer gave it. Dictionaries are never changed, only added, so that every packed text stays
// readable. A codec is immutable once made and may be used from several threads at once.
class TextCodec
{
public:
    // A codec that compresses without a dictionary and reads texts packed without one.
    TextCodec();
    ~TextCodec();
    // Copies share the dictionaries.
    TextCodec(const TextCodec &);
    TextCodec &operator=(const TextCodec &);
    TextCodec(TextCodec &&) noexcept;
    TextCodec &operator=(TextCodec &&) noexcept;

    // A codec that knows these dictionaries (by id) and packs with the one given last.
    // Fails when one is not a Zstandard dictionary.
    static Expected<TextCodec> withDictionaries(const QList<QByteArray> &dictionaries);

    // A dictionary trained on samples (about 100 KB), or empty when they are too few or too alike
    // to train on; its id is dictionaryId() of it.
    static QByteArray trainDictionary(const QList<QByteArray> &samples);
    // The id of a trained dictionary; 0 when it is not one.
    static quint32 dictionaryId(QByteArrayView dictionary);

    QByteArray pack(QByteArrayView text) const;
    // The text, or an error (in words, without the store's name) when the bytes are not a packed
    // text or need a dictionary this codec does not know.
    Expected<QByteArray> unpack(QByteArrayView packed) const;
    // The dictionary a packed text needs (0 for none).
    static quint32 dictionaryNeeded(QByteArrayView packed);
    bool knowsDictionary(quint32 id) const;

private:
    struct Private;
    std::shared_ptr<const Private> d;
};

} // namespace annorev
