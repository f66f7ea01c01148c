import { defineMessages } from '../shared/i18n/messages';

/** The app's frame and home page: header, start-up problems, welcome. */
export const shellMessages = defineMessages({
  en: {
    skipToContent: 'Skip to content',
    browserPreview: 'Browser preview',
    browserPreviewHint: 'Running in a browser instead of the desktop app',
    servicesFailed: 'The app could not start its services',
    settingsIgnored: 'Some settings were ignored',
    settingsDefaults: 'The app uses its defaults for these settings until they are fixed.',
    welcomeTitle: 'Welcome to Interview Recorder',
    welcomeBody:
      'Your interview is recorded on this computer first, second by second, so nothing is lost if the network drops or the computer restarts. It is uploaded as soon as a connection allows.',
  },
  ru: {
    skipToContent: 'Перейти к содержимому',
    browserPreview: 'Просмотр в браузере',
    browserPreviewHint: 'Работает в браузере, а не в приложении для компьютера',
    servicesFailed: 'Приложению не удалось запустить свои службы',
    settingsIgnored: 'Некоторые настройки не применены',
    settingsDefaults: 'Пока эти настройки не исправлены, приложение использует значения по умолчанию.',
    welcomeTitle: 'Добро пожаловать на видеособеседование',
    welcomeBody:
      'Собеседование записывается сначала на этот компьютер, секунда за секундой, поэтому ничего не потеряется, если пропадёт сеть или компьютер перезагрузится. Запись отправляется, как только позволит соединение.',
  },
  th: {
    skipToContent: 'ข้ามไปยังเนื้อหา',
    browserPreview: 'ตัวอย่างในเบราว์เซอร์',
    browserPreviewHint: 'กำลังทำงานในเบราว์เซอร์แทนแอปบนเดสก์ท็อป',
    servicesFailed: 'แอปไม่สามารถเริ่มบริการของตัวเองได้',
    settingsIgnored: 'การตั้งค่าบางรายการถูกละเว้น',
    settingsDefaults: 'แอปจะใช้ค่าเริ่มต้นสำหรับการตั้งค่าเหล่านี้จนกว่าจะได้รับการแก้ไข',
    welcomeTitle: 'ยินดีต้อนรับสู่การสัมภาษณ์ด้วยวิดีโอ',
    welcomeBody: 'การสัมภาษณ์ของคุณจะบันทึกลงในคอมพิวเตอร์เครื่องนี้ก่อนทีละวินาที จึงไม่มีอะไรสูญหายแม้เครือข่ายจะหลุดหรือคอมพิวเตอร์รีสตาร์ท และจะอัปโหลดทันทีที่เชื่อมต่อได้',
  },
  ar: {
    skipToContent: 'انتقل إلى المحتوى',
    browserPreview: 'معاينة في المتصفح',
    browserPreviewHint: 'يعمل في المتصفح بدلًا من تطبيق سطح المكتب',
    servicesFailed: 'تعذّر على التطبيق تشغيل خدماته',
    settingsIgnored: 'تم تجاهل بعض الإعدادات',
    settingsDefaults: 'يستخدم التطبيق القيم الافتراضية لهذه الإعدادات إلى أن يتم إصلاحها.',
    welcomeTitle: 'مرحبًا بك في مقابلة الفيديو',
    welcomeBody:
      'تُسجَّل مقابلتك على هذا الحاسوب أولًا، ثانيةً بثانية، فلا يضيع شيء إذا انقطعت الشبكة أو أُعيد تشغيل الحاسوب. وتُرفَع فور توفّر الاتصال.',
  },
});
