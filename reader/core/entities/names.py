"""Closed word lists and small gazetteers for entity detection and typing.

Pure data, written from general knowledge, so detection works offline with nothing downloaded.
The lists are deliberately small: they only need to *type* names and to reject capitalised
function words; names that are not listed are still found by capitalisation and typed by
context cues.  All entries are lower case and accent-folded (compare with ``fold``-ed tokens).
"""

from __future__ import annotations

from reader.core.vocabulary.stopwords import (
    FUNCTION_WORDS,
    MONTHS,
    NON_NAME_ABBREVIATIONS,
    RELATIVE_TIME_WORDS,
    REPORTING_WORDS,
    WEEKDAYS,
)
from reader.core.vocabulary.synonyms import NAME_ALIAS_GROUPS


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w)


def _lines(text: str) -> frozenset[str]:
    return frozenset(line.strip() for line in text.strip().splitlines() if line.strip())


# Capitalised words that are sentence openers, pronouns, determiners, adverbs or generic nouns,
# never names on their own.  A span starting with one of them loses it ("The Associated Press",
# "Since Trump took office").
STOP_CAPS = FUNCTION_WORDS | REPORTING_WORDS | RELATIVE_TIME_WORDS | _words(
    """
    advertisement analysts aren article authorities breaking chapter click couldn critics day
    dear demonstrators didn diplomats doctors doesn don dont dozens eight eventually exclusive
    experts fifth finally first five forces four fourth furthermore game go hello hence hi
    hundreds image indeed instead investigators isn journalists lawyers leaders lets meanwhile
    medics millions moreover nevertheless nine nonetheless observers officials oh ok okay
    opponents otherwise overall page part people photo please police prosecutors protesters read
    reporters reporting rescuers residents round saw season second section seven several share
    shouldn six soldiers sorry sources speaking subscribe supporters take ten thank thanks
    therefore third thousands three took troops two update updated video voters wasn watch week
    weeks welcome went weren witnesses won wouldn writing yes
    """
)


# Titles and honorifics: not part of the name, but a strong sign the name is a person.
# A title is a run of modifiers ending in a head word ("Foreign Minister", "Prime Minister",
# "Vice President", "Gen.").  Modifiers alone never strip ("Foreign Ministry" stays whole).
TITLE_HEADS = _words(
    """
    mr mrs ms miss mx dr prof president minister secretary chancellor premier king queen pope
    prince princess sheikh sheik emir sultan ayatollah imam rabbi cardinal archbishop bishop
    reverend rev sen senator rep representative congressman congresswoman gov governor mayor
    judge justice gen lt col maj capt sgt adm cmdr lieut colonel captain sergeant admiral
    commander marshal brigadier corporal private coach sir dame lord lady baroness baron
    duke duchess countess ambassador envoy spokesman spokeswoman spokesperson chairman
    chairwoman chair ceo officer detective inspector superintendent constable sheriff
    speaker leader dictator director commissioner attorney councillor councilman
    councilwoman pastor surgeon professor dean founder doctor undersheriff prosecutor
    agent counsel deputy chief
    """
)
TITLE_MODIFIERS = _words(
    """
    prime foreign defense defence interior finance foreign economy economic health education
    justice trade energy home vice deputy acting former late crown supreme chief grand
    interim first lieutenant major general assistant under associate senior junior
    executive managing opposition majority minority senate district special patrol
    high head party military army police fire press
    """
)
# Words that may follow a title head and still belong to the title ("Secretary of State",
# "Secretary-General", "Attorney General", "Minister for Foreign Affairs").
TITLE_TAILS = _words("general of for the state foreign affairs defense defence")

# Organisation and place cue words (last or any token of a multi-word name).
ORG_CUES = _words(
    """
    ministry ministries party council agency agencies university college school academy
    institute institution inc corp corporation co company companies ltd llc plc group bank
    army navy forces force police court courts committee organization organisation union
    association department commission news times post journal herald tribune telegraph
    guardian gazette reuters press network broadcasting radio tv television channel
    foundation fund trust federation alliance coalition front movement brigade brigades
    battalion regiment command guard guards corps militia parliament senate congress
    assembly cabinet government administration office bureau service services authority
    board league club team fc church mosque synagogue hospital clinic center centre
    airlines airways motors industries holdings partners capital securities exchange
    commission tribunal chamber society institute laboratories labs systems technologies
    reuters bloomberg afp ap bbc cnn
    wire primary rail railway railways railroad telecom media studios records pictures
    entertainment energy house partnership program programme unit division enforcement
    protection security advisors advisers accounting financial consulting magazine newspaper
    daily weekly observatory network networks channel studio studios festival
    """
)

# Head words of names that are neither people nor places: awards, laws and agreements, events,
# storms, works.  A name containing one is typed as an organisation if it also has an
# organisation cue, else as "other".
OTHER_CUES = _words(
    """
    award awards prize prizes medal medals fellowship fellowships trophy act acts agreement
    agreements treaty treaties accord accords convention protocol hurricane typhoon cyclone storm
    tropical war wars games olympics olympic cup championship championships tournament
    summit conference expo fair marathon oscars oscar emmy emmys grammy grammys
    """
)

PLACE_CUES = _words(
    """
    city province rue hotel plaza river mountain mountains mount mt street avenue ave road rd boulevard
    region county district island islands valley lake sea ocean gulf bay strait coast
    peninsula desert plain plains hill hills square bridge airport port harbor harbour park
    village town township borough territory territories canyon falls beach crossing border
    highway freeway camp base oblast prefecture governorate canton kingdom republic
    emirate heights isle
    lane drive terrace crescent close row mews parade gardens grove walk way wharf quay
    embankment green common estate moor marsh fen heath forest wood woods weir dam reservoir
    canal creek cove pier station tunnel junction glen vale ridge cape marina promenade
    """
)

# Common nouns that introduce an organisation's name at the start of a sentence ("Operator
# Northline Rail said...", "Carrier Flybe..."): not part of the name, a sign of an organisation.
ORG_DESCRIPTORS = _words(
    """
    operator company firm carrier airline insurer retailer developer manufacturer maker
    regulator broadcaster owner supplier contractor lender landlord publisher distributor
    charity watchdog provider chain giant startup start-up club studio label network
    """
)

# Nouns that, in lower case right after a name, show the name is a place ("the Orchard estate",
# "the Mill Lane ward", "Ashford Mills families", "the Indianapolis area").
PLACE_FOLLOWERS = _words(
    """
    estate ward area district neighbourhood neighborhood suburb suburbs county region town
    village city province border coast valley countryside residents families locals
    streets shoreline outskirts metro
    """
)

# Nouns that, in lower case right after a name, show the name is a person's ("the Bush
# administration", "the Obama presidency", "the Trump campaign").
PERSON_FOLLOWERS = _words("administration presidency campaign's campaign era years regime family's")

# Corporate suffixes dropped before comparing names ("Microsoft Corp." == "Microsoft").
CORP_SUFFIXES = _words("inc corp co ltd llc plc ag sa nv gmbh limited corporation incorporated")

# Lower-case particles allowed inside a name ("Staffan de Mistura", "Mohammed bin Salman",
# "Ursula von der Leyen") and, except "of", at its start ("de Mistura", "van der Leyen").
NAME_PARTICLES = (
    "de", "da", "das", "dos", "do", "di", "del", "della", "du", "van", "von", "der", "den", "ter",
    "bin", "ibn", "bint", "al", "el", "la", "le", "y",
)
LEADING_PARTICLES = ("van der", "von der", "van den", "de la", "de", "van", "von", "bin", "ibn", "da", "di", "del", "della", "dos", "du")
# Lower-case Arabic-style prefixes joined by a hyphen to a capitalised part ("al-Assad").
HYPHEN_PREFIXES = ("al", "el", "ad", "as", "ash", "at", "an", "ar", "az", "abu", "bin", "ibn", "ul", "ur")

# Abbreviations whose final period does not end a sentence before a name.
TITLE_ABBREVIATIONS = _words("mr mrs ms dr prof gen sen rep gov lt col maj capt sgt adm cmdr rev st mt ft messrs")
OTHER_ABBREVIATIONS = _words("jr sr inc corp co ltd no vs etc bros")

COUNTRIES = _lines(
    """
    yugoslavia
    soviet union
    czechoslovakia
    east germany
    west germany
    afghanistan
    albania
    algeria
    andorra
    angola
    antigua and barbuda
    argentina
    armenia
    australia
    austria
    azerbaijan
    bahamas
    bahrain
    bangladesh
    barbados
    belarus
    belgium
    belize
    benin
    bhutan
    bolivia
    bosnia
    bosnia and herzegovina
    botswana
    brazil
    brunei
    bulgaria
    burkina faso
    burundi
    cambodia
    cameroon
    canada
    cape verde
    central african republic
    chad
    chile
    china
    colombia
    comoros
    congo
    democratic republic of congo
    democratic republic of the congo
    costa rica
    croatia
    cuba
    cyprus
    czech republic
    czechia
    denmark
    djibouti
    dominica
    dominican republic
    east timor
    ecuador
    egypt
    el salvador
    equatorial guinea
    eritrea
    estonia
    eswatini
    ethiopia
    fiji
    finland
    france
    gabon
    gambia
    georgia
    germany
    ghana
    greece
    grenada
    guatemala
    guinea
    guinea-bissau
    guyana
    haiti
    honduras
    hungary
    iceland
    india
    indonesia
    iran
    iraq
    ireland
    israel
    italy
    ivory coast
    cote d'ivoire
    jamaica
    japan
    jordan
    kazakhstan
    kenya
    kiribati
    kosovo
    kuwait
    kyrgyzstan
    laos
    latvia
    lebanon
    lesotho
    liberia
    libya
    liechtenstein
    lithuania
    luxembourg
    madagascar
    malawi
    malaysia
    maldives
    mali
    malta
    mauritania
    mauritius
    mexico
    micronesia
    moldova
    monaco
    mongolia
    montenegro
    morocco
    mozambique
    myanmar
    burma
    namibia
    nauru
    nepal
    netherlands
    holland
    new zealand
    nicaragua
    niger
    nigeria
    north korea
    north macedonia
    macedonia
    norway
    oman
    pakistan
    palau
    palestine
    panama
    papua new guinea
    paraguay
    peru
    philippines
    poland
    portugal
    qatar
    romania
    russia
    russian federation
    rwanda
    samoa
    san marino
    saudi arabia
    senegal
    serbia
    seychelles
    sierra leone
    singapore
    slovakia
    slovenia
    solomon islands
    somalia
    south africa
    south korea
    south sudan
    spain
    sri lanka
    sudan
    suriname
    sweden
    switzerland
    syria
    taiwan
    tajikistan
    tanzania
    thailand
    togo
    tonga
    trinidad and tobago
    tunisia
    turkey
    turkiye
    turkmenistan
    tuvalu
    uganda
    ukraine
    united arab emirates
    uae
    united kingdom
    uk
    u.k.
    britain
    great britain
    england
    scotland
    wales
    northern ireland
    united states
    united states of america
    us
    u.s.
    usa
    u.s.a.
    america
    uruguay
    uzbekistan
    vanuatu
    vatican
    vatican city
    venezuela
    vietnam
    yemen
    zambia
    zimbabwe
    """
)

REGIONS = _lines(
    """
    europe
    asia
    africa
    north america
    south america
    latin america
    central america
    middle east
    near east
    far east
    east asia
    southeast asia
    south asia
    central asia
    west africa
    east africa
    north africa
    sub-saharan africa
    sahel
    horn of africa
    balkans
    caucasus
    scandinavia
    arctic
    antarctica
    caribbean
    mediterranean
    persian gulf
    gulf
    pacific
    atlantic
    gaza
    gaza strip
    west bank
    east jerusalem
    golan heights
    sinai
    crimea
    donbas
    donbass
    donetsk
    luhansk
    kherson
    zaporizhzhia
    kashmir
    tibet
    xinjiang
    hong kong
    macau
    kurdistan
    darfur
    idlib
    aleppo
    greenland
    puerto rico
    guam
    hawaii
    alaska
    california
    texas
    florida
    new york
    new jersey
    pennsylvania
    ohio
    michigan
    illinois
    georgia
    virginia
    west virginia
    north carolina
    south carolina
    arizona
    nevada
    utah
    colorado
    oregon
    washington state
    massachusetts
    connecticut
    maryland
    delaware
    maine
    vermont
    new hampshire
    rhode island
    kentucky
    tennessee
    alabama
    mississippi
    louisiana
    arkansas
    missouri
    iowa
    minnesota
    wisconsin
    indiana
    kansas
    nebraska
    oklahoma
    new mexico
    montana
    idaho
    wyoming
    north dakota
    south dakota
    ontario
    quebec
    british columbia
    alberta
    bavaria
    catalonia
    siberia
    anatolia
    punjab
    sindh
    balochistan
    bengal
    kerala
    gujarat
    sichuan
    guangdong
    queensland
    new south wales
    victoria
    surrey
    yorkshire
    """
)

CITIES = _lines(
    """
    london
    paris
    berlin
    madrid
    rome
    moscow
    kyiv
    kiev
    kharkiv
    odesa
    odessa
    lviv
    mariupol
    bakhmut
    minsk
    warsaw
    prague
    vienna
    budapest
    bucharest
    sofia
    athens
    istanbul
    ankara
    izmir
    brussels
    amsterdam
    the hague
    geneva
    zurich
    bern
    stockholm
    oslo
    copenhagen
    helsinki
    dublin
    belfast
    edinburgh
    glasgow
    manchester
    liverpool
    birmingham
    lisbon
    barcelona
    milan
    naples
    munich
    frankfurt
    hamburg
    marseille
    marseilles
    lyon
    belgrade
    zagreb
    sarajevo
    tirana
    tbilisi
    yerevan
    baku
    tehran
    baghdad
    mosul
    basra
    damascus
    beirut
    amman
    jerusalem
    tel aviv
    haifa
    ramallah
    gaza city
    rafah
    khan younis
    cairo
    alexandria
    riyadh
    jeddah
    mecca
    medina
    doha
    dubai
    abu dhabi
    muscat
    sanaa
    aden
    kabul
    kandahar
    islamabad
    karachi
    lahore
    delhi
    new delhi
    mumbai
    bombay
    kolkata
    chennai
    bangalore
    bengaluru
    hyderabad
    dhaka
    kathmandu
    colombo
    beijing
    shanghai
    guangzhou
    shenzhen
    wuhan
    taipei
    seoul
    pyongyang
    tokyo
    osaka
    kyoto
    hiroshima
    manila
    jakarta
    bangkok
    hanoi
    ho chi minh city
    saigon
    kuala lumpur
    yangon
    phnom penh
    sydney
    melbourne
    brisbane
    perth
    canberra
    auckland
    wellington
    nairobi
    mogadishu
    addis ababa
    khartoum
    kinshasa
    lagos
    abuja
    accra
    dakar
    johannesburg
    cape town
    pretoria
    harare
    tripoli
    benghazi
    tunis
    algiers
    rabat
    casablanca
    washington
    new york city
    los angeles
    chicago
    houston
    philadelphia
    phoenix
    san antonio
    san diego
    dallas
    san francisco
    seattle
    boston
    miami
    atlanta
    detroit
    denver
    las vegas
    baltimore
    pittsburgh
    cleveland
    new orleans
    minneapolis
    st. louis
    kansas city
    oakland
    sacramento
    portland
    austin
    nashville
    memphis
    orlando
    tampa
    jacksonville
    indianapolis
    milwaukee
    cincinnati
    columbus
    charlotte
    brooklyn
    manhattan
    queens
    bronx
    hollywood
    malibu
    beverly hills
    toronto
    montreal
    vancouver
    ottawa
    mexico city
    havana
    caracas
    bogota
    lima
    santiago
    buenos aires
    sao paulo
    rio de janeiro
    brasilia
    quito
    la paz
    montevideo
    """
)

# Demonyms and nationality adjectives: a sign the next name is a place-related entity, and
# never an entity on their own here (they are adjectives, not the place).
DEMONYMS = _words(
    """
    afghan albanian algerian american americans angolan argentine argentinian armenian
    australian austrian azerbaijani azeri bahraini bangladeshi belarusian belgian bolivian
    bosnian brazilian british briton britons bulgarian burmese cambodian cameroonian canadian
    chadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch
    ecuadorian egyptian emirati english eritrean estonian ethiopian european europeans filipino
    finnish french gambian georgian german germans ghanaian greek guatemalan guinean haitian
    honduran hungarian icelandic indian indians indonesian iranian iranians iraqi iraqis irish
    israeli israelis italian italians ivorian jamaican japanese jordanian kazakh kenyan korean
    koreans kosovar kurdish kurd kurds kuwaiti kyrgyz lao laotian latvian lebanese liberian
    libyan lithuanian luxembourgish macedonian malagasy malawian malaysian malian maltese
    mauritanian mexican mexicans moldovan mongolian montenegrin moroccan mozambican namibian
    nepalese nepali nigerian nigerien nicaraguan norwegian omani pakistani pakistanis
    palestinian palestinians panamanian paraguayan persian peruvian polish portuguese qatari
    romanian russian russians rwandan saudi saudis scottish senegalese serbian serb serbs
    singaporean slovak slovenian somali south-african spanish sri-lankan sudanese swedish swiss
    syrian syrians taiwanese tajik tanzanian thai tibetan togolese tunisian turkish turks
    turkmen ugandan ukrainian ukrainians uruguayan uzbek venezuelan vietnamese welsh yemeni
    zambian zimbabwean arab arabs arabic western eastern northern southern asian african
    africans latino hispanic jewish muslim muslims christian christians catholic sunni shia
    shiite alawite druze hindu buddhist orthodox protestant
    """
)

# Groups of names that denote the same entity (first entry = preferred display form, folded).
ALIAS_GROUPS = NAME_ALIAS_GROUPS
"""Alternative names of one referent, from the shared vocabulary."""

# Abbreviations of US states used in datelines and after city names ("Palm Springs, Calif.",
# "Tulsa, Okla."); those that are also common words or honorifics (Miss., Mass., Wash., Ill.,
# Ore., Mo., Del., Ind., La.) are left out.
US_STATE_ABBREVIATIONS = _lines(
    """
    ala
    ariz
    ark
    calif
    cal
    colo
    conn
    fla
    ga
    kan
    kans
    ky
    mich
    minn
    neb
    nev
    okla
    pa
    penn
    tenn
    tex
    va
    vt
    wis
    wyo
    w. va
    w.va
    n.y
    n.j
    n.c
    s.c
    n.d
    s.d
    n.m
    n.h
    r.i
    d.c
    """
)

PLACES = COUNTRIES | REGIONS | CITIES | US_STATE_ABBREVIATIONS
# After "City, " the ambiguous abbreviations are states too ("Jackson, Miss.", "Salem, Ore.").
STATE_ABBREVIATIONS_AFTER_COMMA = US_STATE_ABBREVIATIONS | _words("miss mass wash ill ore mo del ind la")

# International bodies, agencies and news organisations that news names without any cue word
# ("the UN", "UNHCR", "Reuters"): without this list their name alone looks like a place or person.
KNOWN_ORGANIZATIONS = _lines(
    """
    united nations
    un
    u.n.
    unhcr
    unicef
    unesco
    unrwa
    who
    world health organization
    wfp
    world food programme
    nato
    european union
    eu
    e.u.
    african union
    arab league
    asean
    opec
    imf
    international monetary fund
    world bank
    wto
    world trade organization
    icc
    international criminal court
    icj
    international court of justice
    red cross
    red crescent
    icrc
    amnesty international
    human rights watch
    medecins sans frontieres
    doctors without borders
    msf
    greenpeace
    interpol
    europol
    fbi
    cia
    nsa
    pentagon
    kremlin
    hamas
    hezbollah
    taliban
    al-qaeda
    al qaeda
    islamic state
    isis
    isil
    reuters
    associated press
    ap
    afp
    agence france-presse
    bbc
    cnn
    al jazeera
    bloomberg
    democrats
    republicans
    democratic party
    republican party
    gop
    twitter
    facebook
    youtube
    google
    yahoo
    instagram
    tiktok
    whatsapp
    reddit
    linkedin
    snapchat
    netflix
    wikipedia
    fox news
    msnbc
    cbs
    nbc
    abc
    pbs
    npr
    usa today
    new york times
    washington post
    wall street journal
    los angeles times
    """
)

# Common given names (persons) across the languages met in international news.
GIVEN_NAMES = _words(
    """
    aaron abdul abdullah abdel abu adam adrian ahmad ahmed aisha alan albert alex alexander
    alexandra alexei alexey ali alice alicia alison amanda amir amy ana andrea andreas andrew
    andrei andrzej angela angelina ann anna anne annie anthony antonio antony ariel arthur
    ashley ashraf barack barbara ben benjamin bernard bernie beth betty bill billy bob boris
    brad brandon brian bruce bruno carl carla carlos carmen caroline catherine charles
    charlie chris christian christina christine christopher chuck claire claude colin
    connor craig cristina dan daniel danny david dean deborah denis dennis diana diane dmitry
    dmitri dominic donald donna doug douglas ebrahim ed edward elena eli elizabeth ellen emily
    emma emmanuel eric erik fatima felipe fernando francis francisco frank franz fred
    gabriel gary george gerald gilbert giorgia giuseppe gordon greg gregory hakan hamid
    hans harold harry hassan heather helen henry hillary hossein howard hugo hussein ian
    ibrahim igor ilham imran isaac ivan jack jacob jake james jamie jan jane janet jared
    jason jean jeff jeffrey jennifer jeremy jerome jessica jim jimmy joan joe joel johann
    john johnny jon jonathan jorge jose joseph josh joshua juan julia julian julie justin
    kamala karen karl kate katherine kathleen kathy keir keith kelly ken kevin khalid kim
    kimberly kristin kurt larry laura lauren lee leon leonid liam linda lindsay lisa liz
    lloyd louis louise lucas lucy luis luke lula maria marie marine mario mark martin mary
    matt matthew max maxim megan mehmet melania michael michel michelle miguel mike mikhail
    mohamed mohammad mohammed muhammad mustafa nancy naomi natalie nathan neil nicholas
    nick nicola nicolas nikki nikolai nina noah oleg olaf oliver olivia omar oscar pablo
    patricia patrick paul paula pedro peter petr philip philippe pierre rachel rafael ralph
    ramzan randy ray raymond rebecca recep rex richard rick rishi rob robert roberto
    rodrigo roger ron ronald rose ruth ryan sadiq salman sam samantha samuel sandra sara
    sarah scott sean sebastian sergei sergey sergio shinzo simon sophie stanley stefan
    stephen steve steven susan tara taylor ted teresa theresa thomas tim timothy tina tom
    tony tyler ursula valentina valerie vanessa victor victoria vincent vladimir volodymyr
    walter wang wayne william xavier xi yair yasser yuri yusuf zoe
    """
) | _words(
    # Further frequent first names (English-speaking countries first); names that are also
    # common surnames or places ("Carter", "Austin", "Troy") are left out on purpose, since a
    # given name lets a lone word join a full name that starts with it.
    """
    aaliyah abigail adriana agnes aidan alberto alfred alfredo allison alvin amber andre angelo
    anita antoine arnold arturo ashton audrey barry beatrice benedict bernadette beverly bonnie
    bradley brenda brett brittany brooke caleb calvin carlo carol carolyn cecilia cedric cheryl
    clara colleen cornelius cynthia damian darnell darren darryl dave deandre debra delores
    derek derrick devin diego dolores dorothy duane dustin dwayne dwight eddie edgar edith edwin
    eileen elaine eleanor elijah elise elsa emilio enrique erin ernest esther ethan eugene evan
    evelyn faisal florence francesca frederick gail geoffrey gerard gina gloria gwen hakeem
    hannah heidi herbert hilda irene isabel isabella jackie jacqueline jamal jamar jamel janice
    jasmine javier jeanne jeffery jenna jerry jesse jill joanne jodi jody johnnie joyce juanita
    julio kareem katie kayla keisha kendrick kenneth kerry kristen kyle latoya lawrence leah
    leroy leslie lillian lorenzo lori lorraine lucia lydia malik marc marcus margaret marilyn
    marjorie marlon marsha marvin maureen maurice maxine melissa melvin micheal miranda miriam
    mitchell monica myron nadia natasha nichole nicole nora norma norman olga pamela pat peggy
    phillip phyllis priscilla quentin ramon randall raul reggie regina reginald renee rhonda
    ricardo ricky roberta ronnie rosemary ruben rudy sabrina sally salvatore sanjay seth shane
    shannon sharon shaun shawn sheila sherry shirley sonia stacy sylvia tamara tanya terrence
    thelma theodore tiffany toby trevor tyrone vernon veronica vickie viola vivian wanda wendy
    willie yvonne zachary
    """
)

# Given names with their usual short forms and pet names: each line is a formal name followed by
# forms that may stand for it ("Mo Cheeks" / "Maurice Cheeks", "Fred LaRue" / "Frederick LaRue",
# "Katie Jenkin" / "Kathryn Jenkin").  Only formal <-> short pairs are equivalent, never two short
# forms of one line ("Tina" and "Chris" both shorten Christina but are different people).
NICKNAME_GROUPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(line.split())
    for line in """
    abraham abe
    albert al bert
    alan al
    alexander alex sandy sasha
    alexandra alex sasha
    andrew andy drew
    anthony tony
    antonio tony
    barbara barb babs
    benjamin ben benny
    bernard bernie
    catherine cathy kate katie cat
    katherine kathy kate katie kat kathryn
    kathryn kathy kate katie
    charles charlie chuck chas
    christopher chris
    christina chris tina
    christine chris
    daniel dan danny
    david dave davey
    deborah debbie deb
    donald don donnie
    douglas doug
    edward ed eddie ted ned
    elizabeth liz lizzie beth betty bettie betsy eliza
    frederick fred freddie freddy
    gerald jerry gerry
    gregory greg
    henry hank harry
    herbert herb bert
    jacob jake
    james jim jimmy jamie
    jeffrey jeff
    jennifer jen jenny
    john jack johnny jon
    jonathan jon
    joseph joe joey
    joshua josh
    kenneth ken kenny
    lawrence larry
    leonard leo len lenny
    margaret maggie meg peggy marge
    matthew matt
    maurice mo
    mohammed mo mohamed mohammad muhammad mohamad
    michael mike mickey
    nathaniel nate nat
    nathan nate
    nicholas nick nicky
    patrick pat paddy
    patricia pat patty trish
    peter pete
    philip phil
    raymond ray
    rebecca becky becca
    richard rick ricky dick rich richie
    robert rob bob bobby robbie bert
    ronald ron ronnie
    samuel sam sammy
    samantha sam
    stephen steve stevie
    steven steve stevie
    susan sue susie
    theodore ted teddy theo
    thomas tom tommy
    timothy tim timmy
    vincent vince vinnie vinny
    walter walt wally
    william bill billy will willie willy liam
    zachary zach zack
    """.strip().splitlines()
)
