import { defineMessages } from '../../../shared/i18n/messages';

/** The interview card and the notices above it (recovery after a crash, a rebuilt library). */
export const homeMessages = defineMessages({
  en: {
    yourInterview: 'Your interview',
    loading: 'Loading…',
    loadFailed: 'The interview could not be loaded: {message}',
    scriptUnusable: 'This interview file cannot be used. {error}',
    summary: '{questions, plural, one {# question} other {# questions}} · up to {minutes, plural, one {# minute} other {# minutes}}',
    practice: 'practice interview',
    begin: 'Begin',
    catalogTitle: 'The recordings library was rebuilt',
    catalogBody:
      'On {when, date, medium}, {when, time, short} the library of recordings {reason, select, corrupt {was damaged} empty {was found empty} other {was missing}}. It was rebuilt from the recordings on this computer: {count, plural, one {# recording was found again and will be finished and uploaded as usual.} other {# recordings were found again and will be finished and uploaded as usual.}}',
    movedAside: 'The old library file was kept for support at {path}.',
    dismiss: 'Dismiss',
    recoveredTitle: 'Recovered interview from {when, date, medium}, {when, time, short}',
    recoveredCrashed: '{title}: the app stopped unexpectedly while recording.',
    recoveredClosed: '{title}: the app was closed while recording.',
    recoveredSaved: 'Everything up to the last second was saved and the video file is ready.',
  },
  ru: {
    yourInterview: 'Ваше собеседование',
    loading: 'Загрузка…',
    loadFailed: 'Не удалось загрузить собеседование: {message}',
    scriptUnusable: 'Этот файл собеседования нельзя использовать. {error}',
    summary:
      '{questions, plural, one {# вопрос} few {# вопроса} many {# вопросов} other {# вопроса}} · до {minutes, plural, one {# минуты} few {# минут} many {# минут} other {# минуты}}',
    practice: 'пробное собеседование',
    begin: 'Начать',
    catalogTitle: 'Список записей восстановлен',
    catalogBody:
      '{when, date, medium}, {when, time, short} список записей {reason, select, corrupt {оказался повреждён} empty {оказался пуст} other {не был найден}}. Он восстановлен по записям на этом компьютере: {count, plural, one {# запись найдена снова и будет обработана и отправлена как обычно.} few {# записи найдены снова и будут обработаны и отправлены как обычно.} many {# записей найдены снова и будут обработаны и отправлены как обычно.} other {# записи найдены снова и будут обработаны и отправлены как обычно.}}',
    movedAside: 'Старый файл списка сохранён для службы поддержки: {path}.',
    dismiss: 'Скрыть',
    recoveredTitle: 'Восстановлено собеседование от {when, date, medium}, {when, time, short}',
    recoveredCrashed: '{title}: приложение неожиданно остановилось во время записи.',
    recoveredClosed: '{title}: приложение было закрыто во время записи.',
    recoveredSaved: 'Всё до последней секунды сохранено, видеофайл готов.',
  },
  th: {
    yourInterview: 'การสัมภาษณ์ของคุณ',
    loading: 'กำลังโหลด…',
    loadFailed: 'โหลดการสัมภาษณ์ไม่ได้: {message}',
    scriptUnusable: 'ใช้ไฟล์การสัมภาษณ์นี้ไม่ได้ {error}',
    summary: '{questions, plural, other {# คำถาม}} · ไม่เกิน {minutes, plural, other {# นาที}}',
    practice: 'การสัมภาษณ์ทดลอง',
    begin: 'เริ่ม',
    catalogTitle: 'สร้างคลังการบันทึกขึ้นใหม่แล้ว',
    catalogBody:
      'เมื่อ {when, date, medium} {when, time, short} คลังการบันทึก{reason, select, corrupt {เสียหาย} empty {ว่างเปล่า} other {หายไป}} จึงสร้างขึ้นใหม่จากการบันทึกในคอมพิวเตอร์เครื่องนี้: พบการบันทึกอีกครั้ง {count, plural, other {# รายการ}} ซึ่งจะประมวลผลและอัปโหลดตามปกติ',
    movedAside: 'เก็บไฟล์คลังเดิมไว้ให้ฝ่ายสนับสนุนที่ {path}',
    dismiss: 'ปิด',
    recoveredTitle: 'กู้คืนการสัมภาษณ์จาก {when, date, medium} {when, time, short}',
    recoveredCrashed: '{title}: แอปหยุดทำงานกะทันหันระหว่างการบันทึก',
    recoveredClosed: '{title}: แอปถูกปิดระหว่างการบันทึก',
    recoveredSaved: 'บันทึกทุกอย่างไว้จนถึงวินาทีสุดท้ายแล้ว และไฟล์วิดีโอพร้อมแล้ว',
  },
  ar: {
    yourInterview: 'مقابلتك',
    loading: 'جارٍ التحميل…',
    loadFailed: 'تعذّر تحميل المقابلة: {message}',
    scriptUnusable: 'لا يمكن استخدام ملف المقابلة هذا. {error}',
    summary:
      '{questions, plural, zero {لا أسئلة} one {سؤال واحد} two {سؤالان} few {# أسئلة} many {# سؤالًا} other {# سؤال}} · حتى {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}',
    practice: 'مقابلة تجريبية',
    begin: 'ابدأ',
    catalogTitle: 'أُعيد بناء مكتبة التسجيلات',
    catalogBody:
      'في {when, date, medium}، {when, time, short} {reason, select, corrupt {تلفت مكتبة التسجيلات} empty {وُجدت مكتبة التسجيلات فارغة} other {فُقدت مكتبة التسجيلات}}. أُعيد بناؤها من التسجيلات الموجودة على هذا الحاسوب: {count, plural, zero {لم يُعثر على أي تسجيل.} one {عُثر على تسجيل واحد، وستُستكمل معالجته ورفعه كالمعتاد.} two {عُثر على تسجيلين، وستُستكمل معالجتهما ورفعهما كالمعتاد.} few {عُثر على # تسجيلات، وستُستكمل معالجتها ورفعها كالمعتاد.} many {عُثر على # تسجيلًا، وستُستكمل معالجتها ورفعها كالمعتاد.} other {عُثر على # تسجيل، وستُستكمل معالجتها ورفعها كالمعتاد.}}',
    movedAside: 'احتُفظ بملف المكتبة القديم لفريق الدعم في {path}.',
    dismiss: 'إغلاق',
    recoveredTitle: 'استُعيدت المقابلة المسجّلة في {when, date, medium}، {when, time, short}',
    recoveredCrashed: '{title}: توقف التطبيق فجأة أثناء التسجيل.',
    recoveredClosed: '{title}: أُغلق التطبيق أثناء التسجيل.',
    recoveredSaved: 'حُفظ كل شيء حتى آخر ثانية، وملف الفيديو جاهز.',
  },
});
