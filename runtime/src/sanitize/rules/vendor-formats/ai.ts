/** AI and ML platforms: OpenAI, Anthropic, Hugging Face, Groq, xAI, Replicate, Perplexity, Cohere-style keys. */
import { mixed, type VendorFormat } from "./format.js";

export const AI_FORMATS: readonly VendorFormat[] = [
  { vendor: "openai-anthropic", pattern: "sk-(?:ant-[a-z]+\\d*-|proj-|svcacct-|admin-|None-)?[A-Za-z0-9_\\-]{20,}", check: mixed },
  { vendor: "huggingface", pattern: "(?:hf_|api_org_)[A-Za-z0-9]{30,}" },
  { vendor: "groq-xai-replicate-perplexity", pattern: "(?:gsk_[A-Za-z0-9]{40,}|xai-[A-Za-z0-9]{40,}|r8_[A-Za-z0-9]{30,}|pplx-[A-Za-z0-9]{40,})" },
];
