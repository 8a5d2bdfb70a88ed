/** Payments and commerce: Stripe, Square, Shopify, Plaid, Flutterwave, Duffel, Shippo, EasyPost, GoCardless. */
import { END, mixed, type VendorFormat } from "./format.js";

export const PAYMENT_FORMATS: readonly VendorFormat[] = [
  { vendor: "stripe", pattern: "(?:sk|rk|pk)_(?:live|test|prod)_[A-Za-z0-9]{10,}" },
  { vendor: "stripe-webhook", pattern: "whsec_[A-Za-z0-9+/=]{20,}" },
  { vendor: "square", pattern: "(?:sq0(?:atp|csp|idp)-[A-Za-z0-9_\\-]{22,}|EAAA[A-Za-z0-9_\\-]{22,60}" + END + ")", check: (t) => !t.startsWith("EAAA") || mixed(t) },
  { vendor: "shopify", pattern: "shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,64}" },
  { vendor: "plaid", pattern: "access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" },
  { vendor: "flutterwave", pattern: "FLW(?:SECK|PUBK)(?:_TEST)?-[A-Za-z0-9]{12,32}(?:-X)?" },
  { vendor: "duffel", pattern: "duffel_(?:test|live)_[A-Za-z0-9_\\-=]{43}" },
  { vendor: "shippo", pattern: "shippo_(?:live|test)_[a-fA-F0-9]{40}" },
  { vendor: "easypost", pattern: "EZ[AT]K[A-Za-z0-9]{54}" + END },
  { vendor: "gocardless", pattern: "live_[A-Za-z0-9_\\-=]{40}" + END, check: mixed },
  { vendor: "lob", pattern: "(?:live|test)_(?:pub_)?[a-f0-9]{31,35}" + END, check: mixed },
];
