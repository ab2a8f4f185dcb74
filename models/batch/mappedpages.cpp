#include "mappedpages.h"

#include <algorithm>
#include <sys/mman.h>
#include <unistd.h>

namespace annorev::MappedPages {

void forget(const char *begin, qsizetype length)
{
    if (length < smallestWorthDropping) {
        return;
    }
    static const auto pageSize = quintptr(sysconf(_SC_PAGESIZE));
    const quintptr first = (quintptr(begin) + pageSize - 1) / pageSize * pageSize;
    const quintptr last = (quintptr(begin) + quintptr(length)) / pageSize * pageSize;
    if (last > first) {
        madvise(reinterpret_cast<void *>(first), last - first, MADV_DONTNEED);
    }
}

void forgetBehind(const char *mapping, qsizetype mappingSize, qsizetype begin, qsizetype end, bool atEnd)
{
    constexpr qsizetype faultAround = 256 * 1024;
    if (mappingSize < smallestWorthDropping) {
        return;
    }
    static const auto pageSize = qsizetype(sysconf(_SC_PAGESIZE));
    const qsizetype first = std::max<qsizetype>(begin - faultAround, 0) / pageSize * pageSize;
    const qsizetype last = atEnd ? mappingSize : std::max<qsizetype>(end - faultAround, 0) / pageSize * pageSize;
    if (last > first) {
        madvise(const_cast<char *>(mapping + first), std::size_t(last - first), MADV_DONTNEED);
    }
}

} // namespace annorev::MappedPages
