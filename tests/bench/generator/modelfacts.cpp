#include "modelfacts.h"

#include "bytetext.h"
#include "faults.h"
#include "seededrandom.h"

namespace annorev::bench {

namespace {

QByteArray modelName(SeededRandom &rng, const ParamSize &size)
{
    QByteArray name;
    if (rng.chance(0.3)) {
        name = bytes(rng.pick(kNamePrefixes)) + bytes(rng.pick(kNameParts));
    } else {
        name = bytes(rng.pick(kNameStems));
        if (rng.chance(0.25)) {
            name += bytes(rng.pick(kNameParts));
        }
    }
    if (rng.chance(0.2)) {
        name += bytes(rng.pick(kNameVersions));
    }
    if (rng.chance(0.85)) {
        name += rng.chance(0.7) ? '-' : ' ';
        name += bytes(size.suffix);
    } else if (rng.chance(0.5)) {
        name += '-' + QByteArray::number(rng.between(2, 9));
    }
    if (rng.chance(0.12)) {
        name += bytes(rng.pick(kNameVariants));
    }
    return name;
}

void drawHardware(SeededRandom &rng, const Faults &faults, ModelFacts &facts)
{
    facts.accelerator = &rng.pick(kAccelerators);
    facts.hardwareSpan = bytes(facts.accelerator->name);
    if (rng.chance(0.7)) {
        facts.hardwareSpan += ' ' + bytes(facts.accelerator->noun);
    }
    const qint64 count = rng.pick(kDeviceCounts);
    facts.deviceCount = count >= 1000 && rng.chance(0.6) ? grouped(count) : QByteArray::number(count);

    if (faults.has(Fault::CountInHardware)) {
        facts.countStyle = CountStyle::InHardware;
    } else if (faults.has(Fault::UntaggedCount)) {
        facts.countStyle = rng.chance(0.75) ? CountStyle::Untagged : CountStyle::UntaggedAside;
    } else if (faults.has(Fault::UnparseableCount)) {
        facts.countStyle = CountStyle::Unparseable;
    } else {
        const qsizetype style = rng.below(10);
        facts.countStyle = style < 6 ? CountStyle::Separate : style < 8 ? CountStyle::SeparateAfter : CountStyle::None;
    }
    facts.hasHardware = facts.countStyle != CountStyle::None || rng.chance(0.8);
    if (facts.countStyle == CountStyle::InHardware || facts.countStyle == CountStyle::Untagged) {
        facts.hardwareSpan = bytes(facts.accelerator->name) + ' ' + bytes(facts.accelerator->noun);
    }
}

} // namespace

ModelFacts drawModelFacts(SeededRandom &rng, const Faults &faults)
{
    ModelFacts facts;
    facts.size = &rng.pick(kSizes);
    do {
        facts.otherSize = &rng.pick(kSizes);
    } while (facts.otherSize == facts.size);
    facts.model = modelName(rng, *facts.size);
    if (faults.has(Fault::SecondModel)) {
        do {
            facts.secondModel = rng.chance(0.5) ? modelName(rng, *facts.otherSize) : modelName(rng, *facts.size);
        } while (facts.secondModel == facts.model);
    }

    facts.hasParams = faults.has(Fault::ConflictingParams) || rng.chance(0.9);
    facts.hasTraining = rng.chance(0.85);
    drawHardware(rng, faults, facts);

    facts.training = bytes(rng.pick(kDurations));
    if (rng.chance(0.3)) {
        facts.trainingQualifier = bytes(rng.pick(kDurationQualifiers));
    }

    facts.country = rng.chance(0.8) ? &rng.pick(kCountries) : nullptr;
    if (faults.has(Fault::ImplausibleYear)) {
        facts.year = bytes(rng.pick(kImplausibleYears));
    } else if (rng.chance(0.85)) {
        facts.year = QByteArray::number(rng.between(2018, 2025));
    }

    facts.renameHardware = faults.has(Fault::UnknownLabel) && facts.hasHardware && rng.chance(0.4);
    facts.decoration = rng.chance(0.05) ? rng.below(3) : -1;
    facts.layers = bytes(rng.pick(kLayers));
    facts.heads = bytes(rng.pick(kHeads));
    facts.tags = !faults.has(Fault::NoTags);
    facts.tagModel = facts.tags && !faults.has(Fault::MissingModel);
    return facts;
}

} // namespace annorev::bench
