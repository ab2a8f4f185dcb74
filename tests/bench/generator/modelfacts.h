#pragma once

#include "vocabulary.h"

#include <QByteArray>

namespace annorev::bench {

class Faults;
class SeededRandom;

// How a document writes its device count beside the hardware; the last four are faults.
enum class CountStyle { None, Separate, SeparateAfter, InHardware, Untagged, UntaggedAside, Unparseable };

// What one document says about its model, drawn before any of its sentences: the sentences only
// place these facts, so that every mention of the model or its size agrees (unless a fault says not).
struct ModelFacts
{
    QByteArray model;
    QByteArray secondModel;
    const ParamSize *size = nullptr;
    const ParamSize *otherSize = nullptr;
    const Accelerator *accelerator = nullptr;
    QByteArray hardwareSpan;
    QByteArray deviceCount;
    CountStyle countStyle = CountStyle::None;
    QByteArray training;
    QByteArray trainingQualifier;
    const Country *country = nullptr;
    QByteArray year;
    bool hasParams = false;
    bool hasHardware = false;
    bool hasTraining = false;
    bool renameHardware = false; // the UnknownLabel fault as <gpu_type> for <hardware>
    qsizetype decoration = -1;   // which of the kDecorated* pools to use once, if any
    QByteArray layers;
    QByteArray heads;
    bool tags = true;
    bool tagModel = true;
};

ModelFacts drawModelFacts(SeededRandom &rng, const Faults &faults);

} // namespace annorev::bench
