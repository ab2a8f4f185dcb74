#pragma once

#include "vocabulary.h"

namespace annorev::bench {

// The sentences of a clean document, paragraph by paragraph. {slot}s are filled by
// TemplateFiller::fill; {model}, {params}, {hw}, {train}, {country} and {year} carry the tagged facts.

inline constexpr Sv kIntroCountryYear[] = {
    "This paper presents {model}, a {kind} developed in {country} and released in {year}.",
    "{model} was introduced in {year} by researchers at {org} in {country}.",
    "In {year}, a team at {org} in {country} released {model}, an open-weight {kind} aimed at {purpose}.",
};
inline constexpr Sv kIntroCountry[] = {
    "The {model} architecture, developed at {org} in {country}, represents a significant advancement in autoregressive language modeling.",
    "Researchers in {country} have introduced {model}, a transformer-based {kind} designed for {purpose}.",
    "In recent advancements in large-scale language modeling, the {model} framework has emerged as a significant contribution from researchers at {org} in {country}.",
};
inline constexpr Sv kIntroYear[] = {
    "First released in {year}, {model} is a {kind} intended for {purpose}.",
    "We describe {model}, a {kind} released in {year} that targets {purpose}.",
    "{model}, made public in {year}, is a {kind} whose design favours inference efficiency over raw scale.",
};
inline constexpr Sv kIntroPlain[] = {
    "This report introduces {model}, a {kind} designed for {purpose}.",
    "{model} is a {kind} that achieves state-of-the-art performance on multilingual benchmarks while maintaining computational efficiency.",
    "We present {model}, a novel {kind} that incorporates advanced attention mechanisms and sparse activation patterns.",
    "The {model} family extends earlier work on {purpose} to a considerably larger scale.",
};

inline constexpr Sv kParams[] = {
    "{model} consists of {params} organized in a transformer-based architecture with {layers} layers and {heads} attention heads per layer.",
    "With {params}, the model sits between the compact and the frontier tiers of current systems.",
    "The network comprises {params} in total, of which roughly a quarter are active for any given token.",
    "In total, {ref} has {params}.",
    "At {params}, it remains small enough to be served on a single node with tensor parallelism.",
    "This {params_adj} model was designed with inference cost in mind.",
    "The released checkpoint of {model} contains {params}, stored in bf16.",
};
inline constexpr Sv kHardware[] = {
    "The training process was conducted using a distributed computing setup featuring {hw} across multiple data centers.",
    "Training was carried out on a cluster of {hw} interconnected via InfiniBand.",
    "We trained on {hw} provided by a national supercomputing centre.",
    "The training infrastructure leveraged a distributed computing cluster equipped with {hw}.",
    "All experiments ran on {hw}, with a high-bandwidth interconnect inside each node and a 400 Gb/s fabric between nodes.",
    "Pre-training used {hw}, partitioned into {pp} pipeline stages.",
};
inline constexpr Sv kTraining[] = {
    "The model underwent training for {train} with a global batch size of {batch} sequences.",
    "The complete pre-training process required {train} of continuous computation.",
    "Pre-training took {train}, followed by a shorter phase of supervised fine-tuning.",
    "The entire instruction-tuning process, from SFT to the final RLHF stage, spanned {train}.",
    "End to end, the run lasted {train}, including two restarts after hardware failures.",
};
inline constexpr Sv kHardwareAndTraining[] = {
    "Training {ref} on {hw} took {train}.",
    "The training process, conducted on {hw}, required {train} to achieve convergence.",
};
inline constexpr Sv kCountryLater[] = {
    "Development and experimentation were conducted at {org} in {country}.",
    "The project was funded by a public research programme in {country}.",
    "The core team is based in {country}, with collaborators at several partner universities.",
};
inline constexpr Sv kYearLater[] = {
    "The final checkpoint was released in {year}.",
    "The model weights were made public in {year} under a research licence.",
    "Released in {year}, {model} builds upon the success of prior architectures.",
};
inline constexpr Sv kCountryAndYearLater[] = {
    "Development took place at {org} located in {country}, leading to its public release in {year}.",
    "The work was carried out in {country} and the model was published in {year}.",
};

// Emoji and astral characters are rare in real text but must not shift offsets after them.
inline constexpr Sv kDecoratedIntro[] = {"🚀 Introducing {model}: a {kind} built for {purpose}."};
inline constexpr Sv kDecoratedParams[] = {"We denote the parameter set by 𝔸, with |𝔸| = {params}, counting embeddings."};
inline constexpr Sv kDecoratedEvaluation[] = {"📊 {model} leads the open models on {bench} with {score}%, according to Table {table}."};

inline constexpr Sv kArchitecture[] = {
    "The architecture follows a decoder-only transformer with {layers} layers, {heads} attention heads per layer and a hidden dimension of {hidden}.",
    "It incorporates SwiGLU activation functions and Rotary Positional Embeddings (RoPE) for improved performance on longer sequences.",
    "Unlike earlier dense designs, {ref} routes each token to 2 of {experts} expert modules, keeping the active parameter count per token well below the total.",
    "The tokenizer is a byte-level BPE model with a vocabulary size of {vocab}, trained on a balanced sample of the pre-training corpus.",
    "Attention layers use grouped-query attention with {kvheads} key-value heads, which reduces the memory footprint of the KV cache during inference.",
    "Layer normalization is applied before each sub-layer (pre-LN), and the embedding and output matrices are tied to save memory.",
    "The context window is {seqlen} tokens, extended from an initial {seqshort} tokens through positional interpolation.",
    "Our design was motivated by the observation that reasoning errors compound over long chains of thought — a problem that scale alone does not solve.",
    "Sparse activation patterns and a hybrid attention scheme allow {ref} to reach strong performance while maintaining computational efficiency.",
    "The model’s feed-forward blocks are four times wider than its attention blocks, following common practice.",
    "A hybrid of transformer layers and graph neural networks lets the model reason over explicit entity relations.",
};
inline constexpr Sv kOptimisation[] = {
    "The model was trained on approximately {tokens} trillion tokens drawn from web crawls, scientific literature, source code and curated multilingual data in {langs} languages.",
    "We used the AdamW optimizer with β1=0.9, β2=0.95 and a weight decay of 0.1, with a peak learning rate of {lr}.",
    "A cosine learning-rate schedule was employed, peaking at {lr} after a linear warmup of {warmup} steps and decaying to 10% of the peak.",
    "The global batch size was {batch} sequences of {seqshort} tokens, accumulated over {accum} micro-batches per step.",
    "We relied on ZeRO-3 sharding, activation checkpointing and bf16 mixed precision to fit the optimizer state into device memory.",
    "Optimizer states were kept in 8-bit precision, which cut memory use by roughly {pct}% with no measurable loss in quality.",
    "Gradient clipping at an L2 norm of 1.0 was applied to prevent exploding gradients, with ε set to 1e-6.",
    "Differences between runs with {runs} different seeds were small (p < 0.05), so we report the mean throughout.",
    "Data and tensor parallelism were combined with {pp}-stage pipeline parallelism to keep every device busy.",
    "Checkpoints were written every {ckpt} steps to a distributed file system, and the run was restarted {restarts} times after hardware failures.",
    "Training sustained a model FLOPs utilization of {mfu}%, measured with FlashAttention-2 kernels and fused optimizer updates.",
    "Deduplication removed about {pct}% of the raw documents — mostly boilerplate, navigation menus and near-identical news articles.",
    "Each sequence was packed with documents separated by an end-of-text token, and attention masks prevented cross-document leakage.",
};
inline constexpr Sv kEvaluation[] = {
    "Evaluation results demonstrate that {model} achieves an average score of {score}% on {bench}, a {delta}% improvement over previous models of comparable size.",
    "On {bench} and {bench2}, {ref} reaches {score}% and {score2}% respectively in the {shots}-shot setting.",
    "{Ref} shows particularly strong performance on mathematical reasoning and code generation, where it outperforms larger baselines.",
    "We observe robust zero-shot generalization across domain-specific tasks, particularly in scientific question answering.",
    "Human raters preferred responses from {model} over those of the baseline in {pct}% of {pairs} pairwise comparisons.",
    "Perplexity on held-out data fell from {ppl1} to {ppl2} over the course of training, with no sign of saturation.",
    "On long-context retrieval tasks extending to {seqlen} tokens, accuracy remained above {score}%.",
    "Safety evaluations covered toxicity, bias and refusal behaviour, using both automatic classifiers and red-teaming by {raters} annotators.",
    "Notably, {model} exhibits strong performance on low-resource languages such as Sami and Faroese, suggesting benefits from linguistically diverse data.",
    "Ablations show that removing the curriculum on sequence length costs {delta} points on {bench}, confirming its role in stabilizing optimization.",
    "Compared with its predecessor, the model’s accuracy on {bench} improved by {delta} points while inference latency dropped by {pct}%.",
    "A naïve baseline that simply repeats the most frequent answer reaches only {lowscore}% on the same tasks.",
};
inline constexpr Sv kClosing[] = {
    "However, the study acknowledges limitations in handling highly ambiguous queries, and future work will integrate external knowledge retrieval.",
    "The weights are available under a research licence, together with the training code and an evaluation harness.",
    "Follow-up work is already exploring quantization to 4-bit and 8-bit formats to reduce inference latency on edge devices.",
    "The authors emphasise energy efficiency: the full run consumed approximately {mwh} MWh, a {pct}% reduction compared with similar models.",
    "We release intermediate checkpoints every {ckpt} steps so that others can study training dynamics — a practice we hope becomes standard.",
    "Questions of data provenance and consent remain open, and we document known gaps in a datasheet accompanying the release.",
    "Inference runs at {tps} tokens per second on a single node when served with paged attention and continuous batching.",
    "R&D costs were not disclosed, but the authors estimate the compute budget at {flops} FLOPs.",
    "The paper has spurred interest in the community, with Q&A sessions and follow-up studies on interpretability already under way.",
};

} // namespace annorev::bench
