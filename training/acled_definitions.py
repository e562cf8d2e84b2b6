"""One short description per ACLED-style subtype, written for newsloom from ACLED's codebook categories.

Used only as extra training examples by train_acled.py (never as test data): with ~10 labelled snippets per
subtype, a definition gives each class its core vocabulary.
"""

DEFINITIONS = {
    "ABDUCT_DISSAP": "Armed men abducted and kidnapped civilians, who disappeared and are missing; hostages were taken.",
    "AGREEMENT": "The warring parties signed a peace agreement and a ceasefire deal, agreeing to a truce and an accord.",
    "AIR_STRIKE": "Warplanes and drones carried out airstrikes and air raids, bombing targets from the air.",
    "ARMED_CLASH": "Government forces and rebels clashed in armed fighting, exchanging fire in a gun battle.",
    "ARREST": "Police arrested and detained suspects, taking activists into custody.",
    "ART_MISS_ATTACK": "Artillery shelling, mortar rounds, rockets and missiles were fired at the town from a distance.",
    "ATTACK": "Gunmen attacked and shot civilians, killing and wounding people in an armed assault.",
    "ATTRIB": "The militant group claimed responsibility for the attack in a statement.",
    "CHANGE_TO_GROUP_ACT": "The group changed its activity: it imposed a curfew, banned gatherings, recruited fighters or announced a new leader.",
    "CHEM_WEAP": "A chemical weapons attack with chlorine, sarin or toxic gas left people choking.",
    "DIPLO": "Foreign ministers held diplomatic talks and met during an official visit to discuss bilateral relations.",
    "DISR_WEAP": "Security forces seized a weapons cache, defused explosives and confiscated ammunition before they were used.",
    "FORCE_AGAINST_PROTEST": "Police used tear gas, water cannon, batons and rubber bullets to disperse peaceful protesters.",
    "GOV_REGAINS_TERIT": "The army regained control of the town, recapturing and liberating territory from militants.",
    "GRENADE": "A hand grenade was thrown and exploded, injuring people.",
    "HQ_ESTABLISHED": "The armed group established a new headquarters and base in the area.",
    "MAN_MADE_DISASTER": "A fire, explosion, building collapse or industrial accident killed workers; a train derailed and a factory burned.",
    "MOB_VIOL": "An angry mob attacked and lynched a man accused of theft; vigilantes beat people.",
    "NATURAL_DISASTER": "An earthquake, floods, a cyclone, landslides or drought killed people and destroyed homes.",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Militants and insurgents seized control of the town, capturing territory after government troops fell back.",
    "NON_VIOL_TERRIT_TRANSFER": "Forces withdrew and handed over control of the area without fighting.",
    "ORG_CRIME": "A drug cartel and criminal gangs were involved in smuggling, trafficking, extortion and robbery.",
    "OTHER": "Other political events of note that fit no other category.",
    "PEACE_PROTEST": "Thousands of people held a peaceful protest march and rally, demonstrating with banners.",
    "PROPERTY_DISTRUCT": "Attackers destroyed and burned property, houses, shops and vehicles, looting and razing buildings.",
    "PROTEST_WITH_INTER": "Protesters gathered but police intervened, blocking the march and preventing the demonstration.",
    "REM_EXPLOS": "A roadside bomb, improvised explosive device (IED), landmine or car bomb detonated by remote.",
    "SEX_VIOL": "Soldiers raped women; cases of sexual violence and sexual assault were reported.",
    "SUIC_BOMB": "A suicide bomber blew himself up, detonating an explosive vest in a suicide attack.",
    "VIOL_DEMONSTR": "Rioters turned violent, throwing stones, torching vehicles and vandalising property during the demonstration.",
}
