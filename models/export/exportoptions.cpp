#include "exportoptions.h"

namespace annorev {

std::optional<QList<ReviewStatus>> ExportOptions::parseStatuses(QStringView text, QString *error)
{
    if (text == u"all") {
        return QList<ReviewStatus>();
    }
    QList<ReviewStatus> statuses;
    for (QStringView name : text.split(u',')) {
        const std::optional<ReviewStatus> status = statusFromName(name.trimmed());
        if (!status) {
            if (error) {
                *error = u"unknown status \"" % name.trimmed() %
                         u"\" (all, unreviewed, approved, rejected or needs-work)";
            }
            return std::nullopt;
        }
        if (!statuses.contains(*status)) {
            statuses.append(*status);
        }
    }
    return statuses;
}

} // namespace annorev
