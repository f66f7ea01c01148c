import { defineMessages } from '../../shared/i18n/messages';

/** What a screen reader hears after a check's label, since the ✓ or ! sign is only seen. */
export const checkRowMessages = defineMessages({
  en: { ready: 'ready', needsAttention: 'needs attention' },
  ru: { ready: 'готово', needsAttention: 'требует внимания' },
  th: { ready: 'พร้อม', needsAttention: 'ต้องดำเนินการ' },
  ar: { ready: 'جاهز', needsAttention: 'يحتاج إلى انتباه' },
});
