// The UI's messages, one JSON file per locale (messages/en.json is the source; ko mirrors it key
// for key, which tests/i18n/messages.test.ts enforces).
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import type { Locale } from "./locale";

export type Messages = typeof en;

const MESSAGES: Record<Locale, Messages> = { en, ko };

export const messagesOf = (locale: Locale): Messages => MESSAGES[locale];
