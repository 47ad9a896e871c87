import type { UiStrings } from './en.ts';

/** The interface in Russian, as a Russian newsroom writes it; the keys are English's. */
export const ru: UiStrings = {
  nav: {
    label: 'Разделы сайта',
    front: 'Главная',
    latest: 'Последние',
    tags: 'Темы',
    authors: 'Авторы',
    archive: 'Архив',
    search: 'Поиск',
  },
  skipLink: 'Перейти к содержанию',
  editionName: 'Русский',
  editionsLabel: 'Версии сайта',
  translations: {
    label: 'Этот материал на других языках',
    // «Читать на …» takes the prepositional case, which Intl does not give: the region's languages.
    readIn: (lang) =>
      `Читать на ${
        {
          en: 'английском',
          kk: 'казахском',
          ky: 'кыргызском',
          tg: 'таджикском',
          tk: 'туркменском',
          uz: 'узбекском',
          ru: 'русском',
        }[lang.split('-')[0]!] ??
        `языке: ${new Intl.DisplayNames(['ru'], { type: 'language' }).of(lang) ?? lang}`
      }`,
  },
  counter: {
    none: 'Ничего не найдено',
    range: (first, last, total) => `Показаны результаты ${first} - ${last} из ${total}`,
    between: (from, to) => (from === to ? `Материалы за ${from}` : `Материалы с ${from} по ${to}`),
  },
  pager: {
    label: 'Страницы',
    previous: 'Назад',
    next: 'Далее',
    newest: 'Самые новые',
    newer: 'Более новые',
    older: 'Более ранние',
    oldest: 'Самые ранние',
  },
  pageOf: (title, from, to) => (from === to ? `${title} (${from})` : `${title} (${from} – ${to})`),
  byline: { by: (authors) => (authors > 1 ? 'Авторы:' : 'Автор:'), comma: ', ', and: ' и ' },
  tagsLabel: 'Темы:',
  updated: 'Обновлено',
  readingTime: (minutes) => `${minutes} мин. чтения`,
  photoCredit: (credit) => `Фото: ${credit}`,
  corrections: { heading: 'Исправления', one: 'Исправление' },
  related: 'Читайте также',
  aboutAuthor: (name) => `Об авторе: ${name}`,
  ticker: {
    heading: (base) => `Курсы валют к ${base}`,
    pause: 'Остановить курсы',
    asOf: 'Курсы на',
  },
  include: {
    today: 'Сегодняшняя дата и курсы валют',
    latest: 'Последние новости',
  },
  front: {
    latest: 'Последние новости',
    allLatest: 'Все последние материалы',
    moreFrom: (section) => `Ещё в разделе «${section}»`,
    empty: 'Материалов пока нет.',
  },
  side: {
    sections: 'Все разделы',
  },
  footer: {
    more: 'Подписка и данные',
    feed: 'RSS-лента',
    api: 'JSON API',
    authors: 'Авторы',
    archive: 'Архив',
    rates: 'Курсы валют',
    ratesText: (base) => `Официальные курсы к ${base} вверху каждой страницы`,
    ratesFrom: (sources) => `по данным: ${sources.join('; ')}.`,
  },
  listings: {
    latest: 'Последние новости',
    latestDescription: (site) => `Все материалы ${site}, сначала новые.`,
    tag: (name) => `Материалы по теме «${name}».`,
    author: (name) => `Материалы автора: ${name}.`,
    authorWithRole: (name, role, site) => `${name}, ${role}: материалы на ${site}.`,
    section: (name) => `Материалы раздела «${name}».`,
    // «в январе 2026 года»: the prepositional case, which Intl does not give.
    published: (year, month) =>
      `Материалы, опубликованные в ${
        month === undefined
          ? `${year} году`
          : `${['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'][month - 1]} ${year} года`
      }.`,
  },
  search: {
    title: 'Поиск',
    description: 'Поиск по всем материалам: слова, раздел, автор, тема и год.',
    noScript: 'Поиск работает в браузере и требует JavaScript. Все материалы доступны и',
    noScriptTag: 'по темам',
    noScriptOr: 'и в',
    noScriptArchive: 'архиве',
    form: 'Материалы',
    words: 'Слова',
    section: 'Раздел',
    allSections: 'Все разделы',
    author: 'Автор',
    allAuthors: 'Все авторы',
    tag: 'Тема',
    allTags: 'Все темы',
    year: 'Год',
    allYears: 'Все годы',
    order: 'Порядок',
    relevance: 'По релевантности',
    newest: 'Сначала новые',
    submit: 'Найти',
    prompt: 'Введите слова для поиска или выберите раздел, автора, тему или год.',
    noResultsFor: (query) => `По запросу «${query}» ничего не найдено.`,
    noResults: 'Ничего не найдено.',
    noIndex:
      'Не удалось загрузить поисковый индекс. Его создаёт `npm run build`, при `npm run dev` его нет: соберите сайт и откройте сборку.',
  },
  indexes: {
    tags: 'Темы',
    tagsDescription: 'Все темы, о которых мы пишем, с числом материалов.',
    authors: 'Авторы',
    authorsDescription: 'Наши корреспонденты и авторы, с числом материалов.',
    sections: 'Разделы',
    sectionsDescription: 'Все разделы сайта, с числом материалов.',
    archive: 'Архив',
    archiveDescription: 'Все опубликованные материалы по годам и месяцам.',
    archivePeriod: (period) => `Архив: ${period}`,
  },
  moved: { title: 'Страница переехала', text: 'Эта страница переехала по адресу' },
  notFound: {
    title: 'Страница не найдена',
    text: 'Такой страницы нет. Возможно, она переехала или в адресе опечатка.',
    search: 'Поиск по сайту',
    searchButton: 'Найти',
    sections: 'Разделы',
  },
};
