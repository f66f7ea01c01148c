import { defineMessages } from '../../../shared/i18n/messages';

/**
 * The device check's strings. Permission advice is chosen by the permission doctor (what blocked access, on which
 * OS, in which runtime); `{runtime}` is "electron" or "browser", `{device}` is "camera", "microphone" or "both".
 */
export const deviceMessages = defineMessages({
  en: {
    heading: 'Check your camera, microphone and speakers',
    asking: 'Asking for your camera and microphone…',
    preview: 'Your camera preview',
    camera: 'Camera',
    microphone: 'Microphone',
    speakers: 'Speakers',
    unnamedDevice: '{kind, select, videoinput {Camera {number}} audioinput {Microphone {number}} other {Speakers {number}}}',
    fellBack:
      '{kind, select, videoinput {The camera you chose last time is not connected, so the default camera is used.} audioinput {The microphone you chose last time is not connected, so the default microphone is used.} other {The speakers you chose last time are not connected, so the default speakers are used.}}',
    micLevel: 'Microphone level',
    micPrompt: 'Say a few words: the bar moves when we hear you.',
    micHeard: 'We hear you ✓',
    startNeedsSound: 'You can start once we hear you.',
    quietPlace: 'I’m in a quiet place — continue without the sound check',
    playTest: 'Play test question',
    playing: 'Playing…',
    noVoice: 'No voice is available on this computer. Questions will be shown as text.',
    testPlayed: 'Did you hear the question? If not, check the speakers or headphones you chose.',
    record: 'Record 5 s and play back',
    recordAgain: 'Record again',
    recordingNow: 'Recording… {seconds} s',
    recordingStarted: 'Recording for 5 seconds.',
    playbackLabel: 'Your test recording',
    playbackReady: 'Here is your test recording. It is not saved anywhere.',
    recordFailed: 'The test recording could not be made. You can still start the interview.',
    diskNeeds: 'Free space: {free}; this interview needs up to {needed}.',
    diskLow: 'Free some space before you start, or the recording may stop early.',
    back: 'Back',
    start: 'Start interview',
    checkAgain: 'Check again',
    unchanged: 'Nothing changed: access is still blocked. Follow the steps above, then press “Check again”.',
    titleBrowser:
      '{device, select, camera {Your browser blocks the camera} microphone {Your browser blocks the microphone} other {Your browser blocks the camera and microphone}}',
    titleApp: 'The app is not allowed to use the camera and microphone',
    titleOs:
      '{platform, select, mac {macOS blocks the camera or microphone} windows {Windows blocks the camera or microphone} other {Your system blocks the camera or microphone}}',
    titleDismissed: 'Camera and microphone were not allowed',
    titleNoDevice: 'No camera or microphone was found',
    titleBusy: 'The camera or microphone is busy',
    titleUnknown: 'The camera or microphone could not be started',
    adviceBrowser:
      'In the address bar, click the crossed-out camera icon (or the site icon at its left), allow the camera and microphone for this site, then press “Check again”.',
    adviceApp:
      'Quit and reopen Interview Recorder. If this keeps happening, your organisation may have turned camera access off for the app: ask your IT support.',
    adviceOsMac:
      'Open System Settings → Privacy & Security → Camera and turn on {runtime, select, electron {Interview Recorder} other {your browser}}; do the same under Microphone. Then quit and reopen {runtime, select, electron {the app} other {the browser}}.',
    adviceOsWindows:
      'Open Settings → Privacy & security → Camera and turn on “Camera access”, “Let apps access your camera” and “Let desktop apps access your camera”; do the same under Microphone. Then press “Check again”.',
    adviceOsLinux:
      'Check that no switch or key on the computer turns the camera off and that the system’s privacy settings allow {runtime, select, electron {Interview Recorder} other {your browser}} to use the camera and microphone. Then press “Check again”.',
    adviceDismissed: 'Press “Check again” and choose “Allow” when the browser asks.',
    adviceNoDevice: 'Connect a camera and a microphone (or a headset), then press “Check again”.',
    adviceBusy:
      'Another app (a video call, another browser tab) may be using it: close that app, then press “Check again”.{platform, select, windows { If nothing else uses it, check Settings → Privacy & security → Camera and Microphone.} other {}}',
    adviceUnknown: 'Press “Check again”. If it keeps failing, restart the computer.',
  },
  ru: {
    heading: 'Проверьте камеру, микрофон и динамики',
    asking: 'Запрашиваем доступ к камере и микрофону…',
    preview: 'Изображение с вашей камеры',
    camera: 'Камера',
    microphone: 'Микрофон',
    speakers: 'Динамики',
    unnamedDevice: '{kind, select, videoinput {Камера {number}} audioinput {Микрофон {number}} other {Динамики {number}}}',
    fellBack:
      '{kind, select, videoinput {Камера, выбранная в прошлый раз, не подключена — используется камера по умолчанию.} audioinput {Микрофон, выбранный в прошлый раз, не подключён — используется микрофон по умолчанию.} other {Динамики, выбранные в прошлый раз, не подключены — используются динамики по умолчанию.}}',
    micLevel: 'Уровень микрофона',
    micPrompt: 'Скажите несколько слов: полоска двигается, когда мы вас слышим.',
    micHeard: 'Мы вас слышим ✓',
    startNeedsSound: 'Начать можно, когда мы вас услышим.',
    quietPlace: 'Я в тихом месте — продолжить без проверки звука',
    playTest: 'Проиграть тестовый вопрос',
    playing: 'Воспроизводим…',
    noVoice: 'На этом компьютере нет голоса для озвучки. Вопросы будут показаны текстом.',
    testPlayed: 'Вы слышали вопрос? Если нет, проверьте выбранные динамики или наушники.',
    record: 'Записать 5 с и прослушать',
    recordAgain: 'Записать ещё раз',
    recordingNow: 'Запись… {seconds} с',
    recordingStarted: 'Запись на 5 секунд.',
    playbackLabel: 'Ваша тестовая запись',
    playbackReady: 'Вот ваша тестовая запись. Она нигде не сохраняется.',
    recordFailed: 'Не удалось сделать тестовую запись. Интервью всё равно можно начать.',
    diskNeeds: 'Свободно: {free}; для этого интервью нужно до {needed}.',
    diskLow: 'Освободите место перед началом, иначе запись может прерваться.',
    back: 'Назад',
    start: 'Начать интервью',
    checkAgain: 'Проверить снова',
    unchanged: 'Ничего не изменилось: доступ по-прежнему закрыт. Выполните шаги выше и нажмите «Проверить снова».',
    titleBrowser:
      '{device, select, camera {Браузер блокирует камеру} microphone {Браузер блокирует микрофон} other {Браузер блокирует камеру и микрофон}}',
    titleApp: 'Приложению запрещено использовать камеру и микрофон',
    titleOs:
      '{platform, select, mac {macOS блокирует камеру или микрофон} windows {Windows блокирует камеру или микрофон} other {Система блокирует камеру или микрофон}}',
    titleDismissed: 'Доступ к камере и микрофону не разрешён',
    titleNoDevice: 'Камера или микрофон не найдены',
    titleBusy: 'Камера или микрофон заняты',
    titleUnknown: 'Не удалось включить камеру или микрофон',
    adviceBrowser:
      'В адресной строке нажмите на перечёркнутый значок камеры (или на значок сайта слева от адреса), разрешите камеру и микрофон для этого сайта и нажмите «Проверить снова».',
    adviceApp:
      'Закройте и снова откройте Interview Recorder. Если это повторяется, возможно, ваша организация отключила приложению доступ к камере: обратитесь в IT-поддержку.',
    adviceOsMac:
      'Откройте «Системные настройки» → «Конфиденциальность и безопасность» → «Камера» и включите {runtime, select, electron {Interview Recorder} other {ваш браузер}}; то же самое сделайте в разделе «Микрофон». Затем закройте и снова откройте {runtime, select, electron {приложение} other {браузер}}.',
    adviceOsWindows:
      'Откройте «Параметры» → «Конфиденциальность и защита» → «Камера» и включите «Доступ к камере», «Разрешить приложениям доступ к камере» и «Разрешить классическим приложениям доступ к камере»; то же самое сделайте в разделе «Микрофон». Затем нажмите «Проверить снова».',
    adviceOsLinux:
      'Проверьте, что камера не выключена переключателем или клавишей на компьютере и что настройки конфиденциальности системы разрешают {runtime, select, electron {Interview Recorder} other {вашему браузеру}} использовать камеру и микрофон. Затем нажмите «Проверить снова».',
    adviceDismissed: 'Нажмите «Проверить снова» и выберите «Разрешить», когда браузер спросит.',
    adviceNoDevice: 'Подключите камеру и микрофон (или гарнитуру) и нажмите «Проверить снова».',
    adviceBusy:
      'Возможно, их использует другое приложение (видеозвонок, другая вкладка браузера): закройте его и нажмите «Проверить снова».{platform, select, windows { Если больше ничего их не использует, проверьте «Параметры» → «Конфиденциальность и защита» → «Камера» и «Микрофон».} other {}}',
    adviceUnknown: 'Нажмите «Проверить снова». Если ошибка повторяется, перезагрузите компьютер.',
  },
  th: {
    heading: 'ตรวจสอบกล้อง ไมโครโฟน และลำโพง',
    asking: 'กำลังขอใช้กล้องและไมโครโฟนของคุณ…',
    preview: 'ภาพจากกล้องของคุณ',
    camera: 'กล้อง',
    microphone: 'ไมโครโฟน',
    speakers: 'ลำโพง',
    unnamedDevice: '{kind, select, videoinput {กล้อง {number}} audioinput {ไมโครโฟน {number}} other {ลำโพง {number}}}',
    fellBack:
      '{kind, select, videoinput {ไม่พบกล้องที่คุณเลือกไว้ครั้งก่อน จึงใช้กล้องเริ่มต้นแทน} audioinput {ไม่พบไมโครโฟนที่คุณเลือกไว้ครั้งก่อน จึงใช้ไมโครโฟนเริ่มต้นแทน} other {ไม่พบลำโพงที่คุณเลือกไว้ครั้งก่อน จึงใช้ลำโพงเริ่มต้นแทน}}',
    micLevel: 'ระดับเสียงไมโครโฟน',
    micPrompt: 'พูดสักสองสามคำ แถบจะขยับเมื่อเราได้ยินคุณ',
    micHeard: 'เราได้ยินคุณแล้ว ✓',
    startNeedsSound: 'คุณจะเริ่มได้เมื่อเราได้ยินเสียงของคุณ',
    quietPlace: 'ฉันอยู่ในที่เงียบ — ดำเนินการต่อโดยไม่ตรวจเสียง',
    playTest: 'เล่นคำถามทดสอบ',
    playing: 'กำลังเล่น…',
    noVoice: 'คอมพิวเตอร์เครื่องนี้ไม่มีเสียงอ่าน คำถามจะแสดงเป็นข้อความ',
    testPlayed: 'คุณได้ยินคำถามไหม หากไม่ได้ยิน ให้ตรวจสอบลำโพงหรือหูฟังที่เลือกไว้',
    record: 'บันทึก 5 วินาทีแล้วเล่นกลับ',
    recordAgain: 'บันทึกอีกครั้ง',
    recordingNow: 'กำลังบันทึก… {seconds} วินาที',
    recordingStarted: 'กำลังบันทึก 5 วินาที',
    playbackLabel: 'การบันทึกทดสอบของคุณ',
    playbackReady: 'นี่คือการบันทึกทดสอบของคุณ ซึ่งจะไม่ถูกเก็บไว้ที่ใด',
    recordFailed: 'ไม่สามารถบันทึกทดสอบได้ แต่คุณยังเริ่มสัมภาษณ์ได้',
    diskNeeds: 'พื้นที่ว่าง: {free} การสัมภาษณ์นี้ต้องใช้สูงสุด {needed}',
    diskLow: 'โปรดเพิ่มพื้นที่ว่างก่อนเริ่ม มิฉะนั้นการบันทึกอาจหยุดก่อนเวลา',
    back: 'ย้อนกลับ',
    start: 'เริ่มการสัมภาษณ์',
    checkAgain: 'ตรวจสอบอีกครั้ง',
    unchanged: 'ไม่มีอะไรเปลี่ยนแปลง การเข้าถึงยังถูกบล็อกอยู่ ทำตามขั้นตอนด้านบน แล้วกด “ตรวจสอบอีกครั้ง”',
    titleBrowser: '{device, select, camera {เบราว์เซอร์บล็อกกล้อง} microphone {เบราว์เซอร์บล็อกไมโครโฟน} other {เบราว์เซอร์บล็อกกล้องและไมโครโฟน}}',
    titleApp: 'แอปไม่ได้รับอนุญาตให้ใช้กล้องและไมโครโฟน',
    titleOs: '{platform, select, mac {macOS บล็อกกล้องหรือไมโครโฟน} windows {Windows บล็อกกล้องหรือไมโครโฟน} other {ระบบบล็อกกล้องหรือไมโครโฟน}}',
    titleDismissed: 'ยังไม่ได้อนุญาตกล้องและไมโครโฟน',
    titleNoDevice: 'ไม่พบกล้องหรือไมโครโฟน',
    titleBusy: 'กล้องหรือไมโครโฟนกำลังถูกใช้งาน',
    titleUnknown: 'ไม่สามารถเปิดกล้องหรือไมโครโฟนได้',
    adviceBrowser: 'ในแถบที่อยู่ ให้คลิกไอคอนกล้องที่มีขีดฆ่า (หรือไอคอนเว็บไซต์ทางซ้าย) อนุญาตกล้องและไมโครโฟนสำหรับเว็บไซต์นี้ แล้วกด “ตรวจสอบอีกครั้ง”',
    adviceApp: 'ปิดแล้วเปิด Interview Recorder ใหม่ หากยังเกิดขึ้นอีก องค์กรของคุณอาจปิดการเข้าถึงกล้องของแอปนี้ไว้ โปรดติดต่อฝ่ายไอที',
    adviceOsMac:
      'เปิด การตั้งค่าระบบ → ความเป็นส่วนตัวและความปลอดภัย → กล้อง แล้วเปิด {runtime, select, electron {Interview Recorder} other {เบราว์เซอร์ของคุณ}} ทำแบบเดียวกันที่ ไมโครโฟน จากนั้นปิดแล้วเปิด{runtime, select, electron {แอป} other {เบราว์เซอร์}}ใหม่',
    adviceOsWindows:
      'เปิด การตั้งค่า → ความเป็นส่วนตัวและความปลอดภัย → กล้อง แล้วเปิด “การเข้าถึงกล้อง” “อนุญาตให้แอปเข้าถึงกล้อง” และ “อนุญาตให้แอปเดสก์ท็อปเข้าถึงกล้อง” ทำแบบเดียวกันที่ ไมโครโฟน แล้วกด “ตรวจสอบอีกครั้ง”',
    adviceOsLinux:
      'ตรวจสอบว่าไม่มีสวิตช์หรือปุ่มบนคอมพิวเตอร์ที่ปิดกล้องอยู่ และการตั้งค่าความเป็นส่วนตัวของระบบอนุญาตให้{runtime, select, electron {Interview Recorder} other {เบราว์เซอร์ของคุณ}}ใช้กล้องและไมโครโฟน แล้วกด “ตรวจสอบอีกครั้ง”',
    adviceDismissed: 'กด “ตรวจสอบอีกครั้ง” แล้วเลือก “อนุญาต” เมื่อเบราว์เซอร์ถาม',
    adviceNoDevice: 'เชื่อมต่อกล้องและไมโครโฟน (หรือชุดหูฟัง) แล้วกด “ตรวจสอบอีกครั้ง”',
    adviceBusy:
      'อาจมีแอปอื่น (วิดีโอคอล หรือแท็บเบราว์เซอร์อื่น) ใช้งานอยู่ ปิดแอปนั้นแล้วกด “ตรวจสอบอีกครั้ง”{platform, select, windows { หากไม่มีแอปอื่นใช้งาน ให้ตรวจสอบ การตั้งค่า → ความเป็นส่วนตัวและความปลอดภัย → กล้อง และ ไมโครโฟน} other {}}',
    adviceUnknown: 'กด “ตรวจสอบอีกครั้ง” หากยังไม่สำเร็จ ให้รีสตาร์ตคอมพิวเตอร์',
  },
  ar: {
    heading: 'تحقّق من الكاميرا والميكروفون ومكبّرات الصوت',
    asking: 'نطلب الإذن باستخدام الكاميرا والميكروفون…',
    preview: 'معاينة الكاميرا',
    camera: 'الكاميرا',
    microphone: 'الميكروفون',
    speakers: 'مكبّرات الصوت',
    unnamedDevice: '{kind, select, videoinput {كاميرا {number}} audioinput {ميكروفون {number}} other {مكبّر صوت {number}}}',
    fellBack:
      '{kind, select, videoinput {الكاميرا التي اخترتها في المرة السابقة غير متصلة، لذا تُستخدم الكاميرا الافتراضية.} audioinput {الميكروفون الذي اخترته في المرة السابقة غير متصل، لذا يُستخدم الميكروفون الافتراضي.} other {مكبّرات الصوت التي اخترتها في المرة السابقة غير متصلة، لذا تُستخدم مكبّرات الصوت الافتراضية.}}',
    micLevel: 'مستوى الميكروفون',
    micPrompt: 'قل بضع كلمات: يتحرك الشريط عندما نسمعك.',
    micHeard: 'نسمعك ✓',
    startNeedsSound: 'يمكنك البدء بعد أن نسمعك.',
    quietPlace: 'أنا في مكان هادئ — المتابعة دون فحص الصوت',
    playTest: 'تشغيل سؤال تجريبي',
    playing: 'جارٍ التشغيل…',
    noVoice: 'لا يتوفر صوت للقراءة على هذا الحاسوب. ستُعرض الأسئلة نصًا.',
    testPlayed: 'هل سمعت السؤال؟ إن لم تسمعه، فتحقّق من مكبّرات الصوت أو السماعات التي اخترتها.',
    record: 'سجّل 5 ثوانٍ ثم استمع',
    recordAgain: 'سجّل مرة أخرى',
    recordingNow: 'جارٍ التسجيل… {seconds} ث',
    recordingStarted: 'جارٍ التسجيل لمدة 5 ثوانٍ.',
    playbackLabel: 'تسجيلك التجريبي',
    playbackReady: 'هذا تسجيلك التجريبي. لا يُحفظ في أي مكان.',
    recordFailed: 'تعذّر إجراء التسجيل التجريبي. لا يزال بإمكانك بدء المقابلة.',
    diskNeeds: 'المساحة الفارغة: {free}؛ تحتاج هذه المقابلة إلى {needed} كحدّ أقصى.',
    diskLow: 'أفرغ بعض المساحة قبل البدء، وإلا فقد يتوقف التسجيل مبكرًا.',
    back: 'رجوع',
    start: 'ابدأ المقابلة',
    checkAgain: 'تحقّق مرة أخرى',
    unchanged: 'لم يتغيّر شيء: لا يزال الوصول محظورًا. اتبع الخطوات أعلاه ثم اضغط «تحقّق مرة أخرى».',
    titleBrowser:
      '{device, select, camera {المتصفح يحظر الكاميرا} microphone {المتصفح يحظر الميكروفون} other {المتصفح يحظر الكاميرا والميكروفون}}',
    titleApp: 'التطبيق غير مسموح له باستخدام الكاميرا والميكروفون',
    titleOs:
      '{platform, select, mac {نظام macOS يحظر الكاميرا أو الميكروفون} windows {نظام Windows يحظر الكاميرا أو الميكروفون} other {نظامك يحظر الكاميرا أو الميكروفون}}',
    titleDismissed: 'لم يُسمح باستخدام الكاميرا والميكروفون',
    titleNoDevice: 'لم يُعثر على كاميرا أو ميكروفون',
    titleBusy: 'الكاميرا أو الميكروفون قيد الاستخدام',
    titleUnknown: 'تعذّر تشغيل الكاميرا أو الميكروفون',
    adviceBrowser:
      'في شريط العنوان، انقر أيقونة الكاميرا المشطوبة (أو أيقونة الموقع بجانب العنوان)، واسمح بالكاميرا والميكروفون لهذا الموقع، ثم اضغط «تحقّق مرة أخرى».',
    adviceApp:
      'أغلق Interview Recorder ثم افتحه من جديد. إذا تكرر ذلك، فربما أوقفت مؤسستك وصول التطبيق إلى الكاميرا: تواصل مع الدعم التقني.',
    adviceOsMac:
      'افتح إعدادات النظام ← الخصوصية والأمن ← الكاميرا وفعّل {runtime, select, electron {Interview Recorder} other {متصفحك}}، وافعل الشيء نفسه في الميكروفون. ثم أغلق {runtime, select, electron {التطبيق} other {المتصفح}} وافتحه من جديد.',
    adviceOsWindows:
      'افتح الإعدادات ← الخصوصية والأمان ← الكاميرا وفعّل «الوصول إلى الكاميرا» و«السماح للتطبيقات بالوصول إلى الكاميرا» و«السماح لتطبيقات سطح المكتب بالوصول إلى الكاميرا»، وافعل الشيء نفسه في الميكروفون. ثم اضغط «تحقّق مرة أخرى».',
    adviceOsLinux:
      'تأكّد من عدم وجود مفتاح أو زر في الحاسوب يُطفئ الكاميرا، ومن أن إعدادات الخصوصية في النظام تسمح لـ{runtime, select, electron {Interview Recorder} other {متصفحك}} باستخدام الكاميرا والميكروفون. ثم اضغط «تحقّق مرة أخرى».',
    adviceDismissed: 'اضغط «تحقّق مرة أخرى» واختر «السماح» عندما يسألك المتصفح.',
    adviceNoDevice: 'صِل كاميرا وميكروفونًا (أو سماعة رأس)، ثم اضغط «تحقّق مرة أخرى».',
    adviceBusy:
      'ربما يستخدمها تطبيق آخر (مكالمة فيديو أو علامة تبويب أخرى في المتصفح): أغلقه ثم اضغط «تحقّق مرة أخرى».{platform, select, windows { إذا لم يكن أي تطبيق آخر يستخدمها، فتحقّق من الإعدادات ← الخصوصية والأمان ← الكاميرا والميكروفون.} other {}}',
    adviceUnknown: 'اضغط «تحقّق مرة أخرى». إذا استمر الفشل، فأعد تشغيل الحاسوب.',
  },
});

export type DeviceMessageKey = keyof (typeof deviceMessages)['en'];
