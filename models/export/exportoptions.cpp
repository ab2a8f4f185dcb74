#include "exportoptions.h"

namespace annorev {

Expected<QList<ReviewStatus>> ExportOptions::parseStatuses(QStringView text)
{
    if (text == u"all") {
        return QList<ReviewStatus>();
    }
    QList<ReviewStatus> statuses;
    for (QStringView name : text.split(u',')) {
        const std::optional<ReviewStatus> status = statusFromName(name.trimmed());
        if (!status) {
            return Error{u"unknown status \"" % name.trimmed() %
                         u"\" (all, unreviewed, approved, rejected or needs-work)"};
        }
        if (!statuses.contains(*status)) {
            statuses.append(*status);
        }
    }
    return statuses;
}

} // namespace annorev
