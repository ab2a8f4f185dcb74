#include "textcodec.h"

#include <QString>

#include <memory>
#include <vector>
#include <zdict.h>
#include <zstd.h>

namespace annorev {

namespace {

enum Format : char
{
    Raw = 0,
    Zstandard = 1,
};

// Below this a frame's header costs more than compression saves.
constexpr qsizetype smallestCompressed = 48;
// Fast enough to pack a batch as it is imported (hundreds of MB/s a core with a dictionary),
// and within a few percent of the higher levels on short texts.
constexpr int level = 3;
constexpr std::size_t dictionaryCapacity = 112 * 1024;

struct CContextDeleter
{
    void operator()(ZSTD_CCtx *context) const { ZSTD_freeCCtx(context); }
};
struct DContextDeleter
{
    void operator()(ZSTD_DCtx *context) const { ZSTD_freeDCtx(context); }
};

// One context a thread: contexts keep their buffers from one text to the next.
ZSTD_CCtx *compressionContext()
{
    thread_local std::unique_ptr<ZSTD_CCtx, CContextDeleter> context(ZSTD_createCCtx());
    return context.get();
}

ZSTD_DCtx *decompressionContext()
{
    thread_local std::unique_ptr<ZSTD_DCtx, DContextDeleter> context(ZSTD_createDCtx());
    return context.get();
}

} // namespace

struct TextCodec::Private
{
    QHash<quint32, ZSTD_DDict *> readers; // by dictionary id
    ZSTD_CDict *writer = nullptr;         // the dictionary texts are packed with; none when null

    Private() = default;
    Q_DISABLE_COPY_MOVE(Private)
    ~Private()
    {
        for (ZSTD_DDict *reader : std::as_const(readers)) {
            ZSTD_freeDDict(reader);
        }
        ZSTD_freeCDict(writer);
    }
};

TextCodec::TextCodec() : d(std::make_shared<const Private>()) {}
TextCodec::~TextCodec() = default;
TextCodec::TextCodec(const TextCodec &) = default;
TextCodec &TextCodec::operator=(const TextCodec &) = default;
TextCodec::TextCodec(TextCodec &&) noexcept = default;
TextCodec &TextCodec::operator=(TextCodec &&) noexcept = default;

Expected<TextCodec> TextCodec::withDictionaries(const QList<QByteArray> &dictionaries)
{
    auto codec = std::make_shared<Private>();
    for (const QByteArray &dictionary : dictionaries) {
        const quint32 id = dictionaryId(dictionary);
        if (id == 0) {
            return Error{QStringLiteral("a text dictionary is not a Zstandard dictionary")};
        }
        if (!codec->readers.contains(id)) {
            codec->readers.insert(id, ZSTD_createDDict(dictionary.constData(), std::size_t(dictionary.size())));
        }
    }
    if (!dictionaries.isEmpty()) {
        const QByteArray &last = dictionaries.constLast();
        codec->writer = ZSTD_createCDict(last.constData(), std::size_t(last.size()), level);
    }
    TextCodec result;
    result.d = std::move(codec);
    return result;
}

QByteArray TextCodec::trainDictionary(const QList<QByteArray> &samples)
{
    QByteArray joined;
    std::vector<std::size_t> sizes;
    sizes.reserve(std::size_t(samples.size()));
    for (const QByteArray &sample : samples) {
        joined += sample;
        sizes.push_back(std::size_t(sample.size()));
    }
    QByteArray dictionary(qsizetype(dictionaryCapacity), Qt::Uninitialized);
    const std::size_t size = ZDICT_trainFromBuffer(dictionary.data(), dictionaryCapacity, joined.constData(),
                                                   sizes.data(), unsigned(sizes.size()));
    if (ZDICT_isError(size)) {
        return {};
    }
    dictionary.truncate(qsizetype(size));
    return dictionary;
}

quint32 TextCodec::dictionaryId(QByteArrayView dictionary)
{
    return ZDICT_getDictID(dictionary.data(), std::size_t(dictionary.size()));
}

QByteArray TextCodec::pack(QByteArrayView text) const
{
    QByteArray packed;
    if (text.size() >= smallestCompressed) {
        const std::size_t bound = ZSTD_compressBound(std::size_t(text.size()));
        packed.resize(1 + qsizetype(bound));
        packed[0] = Zstandard;
        ZSTD_CCtx *context = compressionContext();
        ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters);
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level);
        // Four bytes a text, so that a damaged store says so instead of giving another text.
        ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
        ZSTD_CCtx_refCDict(context, d->writer);
        const std::size_t size =
            ZSTD_compress2(context, packed.data() + 1, bound, text.data(), std::size_t(text.size()));
        if (!ZSTD_isError(size) && qsizetype(size) < text.size()) {
            packed.truncate(1 + qsizetype(size));
            return packed;
        }
    }
    packed.clear();
    packed.reserve(1 + text.size());
    packed.append(char(Raw));
    packed.append(text);
    return packed;
}

quint32 TextCodec::dictionaryNeeded(QByteArrayView packed)
{
    if (packed.isEmpty() || packed[0] != Zstandard) {
        return 0;
    }
    return ZSTD_getDictID_fromFrame(packed.data() + 1, std::size_t(packed.size() - 1));
}

bool TextCodec::knowsDictionary(quint32 id) const
{
    return id == 0 || d->readers.contains(id);
}

Expected<QByteArray> TextCodec::unpack(QByteArrayView packed) const
{
    if (packed.isEmpty()) {
        return Error{QStringLiteral("a stored text is empty where a packed text was expected")};
    }
    if (packed[0] == Raw) {
        return packed.sliced(1).toByteArray();
    }
    if (packed[0] != Zstandard) {
        return Error{QStringLiteral("a stored text has an unknown format (%1)").arg(int(quint8(packed[0])))};
    }
    const char *frame = packed.data() + 1;
    const std::size_t frameSize = std::size_t(packed.size() - 1);
    const unsigned long long size = ZSTD_getFrameContentSize(frame, frameSize);
    // A text is a document: the batch reader's limits keep it far below this.
    constexpr unsigned long long largest = 1ULL << 31;
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size >= largest) {
        return Error{QStringLiteral("a stored text is damaged (its compressed frame cannot be read)")};
    }
    const quint32 id = ZSTD_getDictID_fromFrame(frame, frameSize);
    const ZSTD_DDict *reader = nullptr;
    if (id != 0) {
        reader = d->readers.value(id);
        if (!reader) {
            return Error{
                QStringLiteral("a stored text needs the text dictionary %1, which the store does not hold").arg(id)};
        }
    }
    QByteArray text(qsizetype(size), Qt::Uninitialized);
    ZSTD_DCtx *context = decompressionContext();
    const std::size_t done =
        reader ? ZSTD_decompress_usingDDict(context, text.data(), std::size_t(size), frame, frameSize, reader)
               : ZSTD_decompressDCtx(context, text.data(), std::size_t(size), frame, frameSize);
    if (ZSTD_isError(done) || done != size) {
        return Error{QStringLiteral("a stored text is damaged (%1)")
                         .arg(QString::fromUtf8(ZSTD_isError(done) ? ZSTD_getErrorName(done) : "short frame"))};
    }
    return text;
}

} // namespace annorev
